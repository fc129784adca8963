using System.Text.Json;
using System.Text.Json.Nodes;
using Zero.Games;

namespace Zero.SelfPlay.Configuration;

/// <summary>
/// Everything a training run is configured by. Read by `zero train` from defaults per game, then an optional
/// JSON file (comments and trailing commas allowed; configs/&lt;game&gt;.jsonc documents every field), then
/// command-line overrides "section.field=value"; the result is saved as run.json in the run folder so a resume
/// uses the same settings. Unknown keys and bad values are refused with a message naming the key.
/// </summary>
public sealed record RunConfig
{
    /// <summary>The game ("tictactoe", "connect4").</summary>
    public string Game { get; init; } = "tictactoe";

    /// <summary>Seed of the run's one random source (weights init, noise, sampling).</summary>
    public long Seed { get; init; } = 1;

    public NetworkConfig Network { get; init; } = new();
    public SelfPlayConfig SelfPlay { get; init; } = new();
    public TrainingConfig Training { get; init; } = new();
    public EvaluationConfig Evaluation { get; init; } = new();
    public LimitsConfig Limits { get; init; } = new();

    /// <summary>How configs are read and written (camelCase, comments and trailing commas allowed).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The defaults for <paramref name="game"/>: sizes that learn the game in minutes on two cores.</summary>
    /// <exception cref="ZeroException">The game has no defaults.</exception>
    public static RunConfig Default(string game) => GameCatalog.Normalize(game) switch
    {
        "tictactoe" => new RunConfig
        {
            Game = "tictactoe",
            Network = new NetworkConfig { Blocks = 2, Channels = 32, ValueHidden = 32 },
            SelfPlay = new SelfPlayConfig
            {
                GamesPerGeneration = 200, ParallelGames = 32, Playouts = 64, DirichletAlpha = 1.0, TemperatureMoves = 9,
                MaxPlies = 9, RandomOpeningShare = 0.5, RandomOpeningMaxPlies = 6,
            },
            Training = new TrainingConfig
            {
                BatchSize = 128, SamplesPerPosition = 8, LearningRate = 0.02, ReplayWindowGames = 2000, MinPositions = 300,
            },
            Evaluation = new EvaluationConfig
            {
                GamesVsPrevious = 20, Baselines = ["random", "perfect"], GamesPerBaseline = 20, Playouts = 64,
            },
            Limits = new LimitsConfig { Generations = 0, Time = "10m" },
        },
        "connect4" => new RunConfig
        {
            Game = "connect4",
            Network = new NetworkConfig { Blocks = 4, Channels = 32, ValueHidden = 64 },
            SelfPlay = new SelfPlayConfig
            {
                GamesPerGeneration = 200, ParallelGames = 32, Playouts = 100, SearchBatch = 4, DirichletAlpha = 1.0,
                TemperatureMoves = 8, MaxPlies = 42, ResignThreshold = -0.95, ResignCheckShare = 0.1, ResignMinPly = 10,
                RandomOpeningShare = 0.5, RandomOpeningMaxPlies = 20,
            },
            Training = new TrainingConfig
            {
                BatchSize = 256, SamplesPerPosition = 4, LearningRate = 0.02, ReplayWindowGames = 4000, MinPositions = 2000,
                LearningRateDropGenerations = [100, 200], ValueTargetQWeight = 0.5,
            },
            Evaluation = new EvaluationConfig
            {
                GamesVsPrevious = 10, Baselines = ["random", "alphabeta:2", "alphabeta:4"], GamesPerBaseline = 10, Playouts = 100,
            },
            Limits = new LimitsConfig { Generations = 0, Time = "2h" },
        },
        "go9" or "go13" or "go" or "go25" => GoDefaults(GameCatalog.Normalize(game)),
        _ => throw new ZeroException($"no training defaults for '{game}': choose one of tictactoe, connect4, go9, go13, go, go25"),
    };

    /// <summary>
    /// Go on a frame of N×N (go9, go13, go = 19, go25): a small network and short searches so a generation finishes on
    /// two cores; learning strength is not tuned yet. Games are capped at 2·N² plies (a capped game is scored as it
    /// stands by the rules' area count).
    /// </summary>
    private static RunConfig GoDefaults(string game)
    {
        int n = game switch { "go9" => 9, "go13" => 13, "go25" => 25, _ => 19 };
        return new RunConfig
        {
            Game = game,
            Network = new NetworkConfig { Blocks = 4, Channels = 32, ValueHidden = 64 },
            SelfPlay = new SelfPlayConfig
            {
                GamesPerGeneration = 64, ParallelGames = 32, Playouts = 32, SearchBatch = 4, DirichletAlpha = 0.03 * 361 / (n * n),
                TemperatureMoves = n * n / 8, MaxPlies = 2 * n * n, ResignThreshold = -0.95, ResignCheckShare = 0.1, ResignMinPly = n * n / 2,
            },
            Training = new TrainingConfig
            {
                BatchSize = 256, SamplesPerPosition = 4, LearningRate = 0.02, ReplayWindowGames = 2000, MinPositions = 1000,
            },
            Evaluation = new EvaluationConfig
            {
                GamesVsPrevious = 10, Baselines = ["random"], GamesPerBaseline = 10, Playouts = 32,
            },
            Limits = new LimitsConfig { Generations = 0, Time = "1h" },
        };
    }

    /// <summary>
    /// Builds the config of a run: defaults for <paramref name="game"/>, then the file <paramref name="file"/> (JSON
    /// with comments; may be null), then <paramref name="overrides"/> ("training.learningRate=0.01").
    /// </summary>
    /// <exception cref="ZeroException">A file that does not parse, an unknown key, a bad value, a game mismatch.</exception>
    public static RunConfig Load(string game, string? file, IEnumerable<string> overrides)
    {
        RunConfig defaults = Default(game);
        JsonObject tree = JsonSerializer.SerializeToNode(defaults, JsonOptions)!.AsObject();
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new ZeroException($"config file '{file}' not found: give an existing file (examples in configs/)");
            }
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(File.ReadAllText(file), documentOptions: DocumentOptions);
            }
            catch (JsonException e)
            {
                throw new ZeroException($"config file '{file}' is not valid JSON: {e.Message}");
            }
            if (node is not JsonObject fileObject)
            {
                throw new ZeroException($"config file '{file}' must hold one JSON object {{ ... }}");
            }
            Merge(tree, fileObject, "", file);
        }
        foreach (string assignment in overrides)
        {
            ApplyOverride(tree, assignment);
        }
        RunConfig config = FromTree(tree, file ?? "the command line");
        if (GameCatalog.Normalize(config.Game) != defaults.Game)
        {
            throw new ZeroException($"the config is for '{config.Game}' but the run trains '{defaults.Game}': fix \"game\" or pick the other config");
        }
        config = config with { Game = defaults.Game };
        IReadOnlyList<string> errors = config.Validate();
        if (errors.Count > 0)
        {
            throw new ZeroException($"bad config: {string.Join("; ", errors)}");
        }
        return config;
    }

    /// <summary>Parses a saved config (run.json) without defaults merging.</summary>
    /// <exception cref="ZeroException">The text does not parse or has unknown keys.</exception>
    public static RunConfig Parse(string json, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new ZeroException($"{source} is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject obj)
        {
            throw new ZeroException($"{source} must hold one JSON object");
        }
        RunConfig config = FromTree(obj, source);
        IReadOnlyList<string> errors = config.Validate();
        return errors.Count > 0 ? throw new ZeroException($"bad config in {source}: {string.Join("; ", errors)}") : config;
    }

    /// <summary>The config as indented JSON (what run.json holds).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The time limit, or null when there is none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan? TimeLimit => string.IsNullOrWhiteSpace(Limits.Time) ? null : DurationText.Parse(Limits.Time);

    /// <summary>Every problem with the values, each naming its key; empty when the config is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok) errors.Add(message);
        }
        Require(Network.Blocks >= 0, "network.blocks must be ≥ 0");
        Require(Network.Channels >= 1, "network.channels must be ≥ 1");
        Require(Network.PolicyChannels >= 1 && Network.ValueChannels >= 1 && Network.ValueHidden >= 1,
            "network.policyChannels, valueChannels and valueHidden must be ≥ 1");
        Require(SelfPlay.GamesPerGeneration >= 1, "selfPlay.gamesPerGeneration must be ≥ 1");
        Require(SelfPlay.ParallelGames >= 1, "selfPlay.parallelGames must be ≥ 1");
        Require(SelfPlay.Playouts >= 1, "selfPlay.playouts must be ≥ 1");
        Require(SelfPlay.SearchBatch is >= 1 and <= 256, "selfPlay.searchBatch must be in [1, 256]");
        Require(SelfPlay.CInit > 0 && SelfPlay.CBase > 0, "selfPlay.cInit and selfPlay.cBase must be > 0");
        Require(SelfPlay.DirichletAlpha > 0, "selfPlay.dirichletAlpha must be > 0");
        Require(SelfPlay.NoiseFraction is >= 0 and <= 1, "selfPlay.noiseFraction must be in [0, 1]");
        Require(SelfPlay.TemperatureMoves >= 0, "selfPlay.temperatureMoves must be ≥ 0");
        Require(SelfPlay.MaxPlies >= 1, "selfPlay.maxPlies must be ≥ 1");
        Require(SelfPlay.ResignThreshold is >= -1 and <= 0, "selfPlay.resignThreshold must be in [-1, 0] (-1 = never resign)");
        Require(SelfPlay.ResignCheckShare is >= 0 and <= 1, "selfPlay.resignCheckShare must be in [0, 1]");
        Require(SelfPlay.RandomOpeningShare is >= 0 and <= 1, "selfPlay.randomOpeningShare must be in [0, 1]");
        Require(SelfPlay.RandomOpeningMaxPlies >= 0, "selfPlay.randomOpeningMaxPlies must be ≥ 0");
        Require(SelfPlay.RandomOpeningShare == 0 || SelfPlay.RandomOpeningMaxPlies >= 1,
            "selfPlay.randomOpeningMaxPlies must be ≥ 1 when selfPlay.randomOpeningShare > 0");
        Require(Training.BatchSize >= 1, "training.batchSize must be ≥ 1");
        Require(Training.SamplesPerPosition > 0, "training.samplesPerPosition must be > 0");
        Require(Training.Optimizer is "sgd" or "adam", $"training.optimizer must be \"sgd\" or \"adam\", not \"{Training.Optimizer}\"");
        Require(Training.LearningRate > 0, "training.learningRate must be > 0");
        Require(Training.Momentum is >= 0 and < 1, "training.momentum must be in [0, 1)");
        Require(Training.WeightDecay >= 0, "training.weightDecay must be ≥ 0");
        Require(Training.LearningRateDrop is > 0 and <= 1, "training.learningRateDrop must be in (0, 1]");
        Require(Training.ReplayWindowGames >= 1, "training.replayWindowGames must be ≥ 1");
        Require(Training.MinPositions >= 1, "training.minPositions must be ≥ 1");
        Require(Training.ValueTargetQWeight is >= 0 and <= 1, "training.valueTargetQWeight must be in [0, 1]");
        Require(Evaluation.GamesVsPrevious >= 0 && Evaluation.GamesPerBaseline >= 0, "evaluation game counts must be ≥ 0");
        Require(Evaluation.GatingScore is >= 0 and <= 1, "evaluation.gatingScore must be in [0, 1]");
        Require(Evaluation.Playouts >= 1, "evaluation.playouts must be ≥ 1");
        Require(Evaluation.TemperatureMoves >= 0, "evaluation.temperatureMoves must be ≥ 0");
        Require(Limits.Generations >= 0, "limits.generations must be ≥ 0 (0 = no limit)");
        Require(string.IsNullOrWhiteSpace(Limits.Time) || DurationText.TryParse(Limits.Time, out _),
            $"limits.time \"{Limits.Time}\" is not a duration: write 90s, 10m, 2h or 1h30m");
        return errors;
    }

    private static RunConfig FromTree(JsonObject tree, string source)
    {
        try
        {
            return tree.Deserialize<RunConfig>(JsonOptions) ?? throw new ZeroException($"{source}: empty config");
        }
        catch (JsonException e)
        {
            string path = e.Path is { Length: > 2 } p ? p[2..] : "?";
            throw new ZeroException($"bad config value at '{path}' ({source}): {e.Message.Split(". Path:")[0]}");
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>, refusing keys the defaults do not have.</summary>
    private static void Merge(JsonObject target, JsonObject source, string prefix, string file)
    {
        foreach ((string key, JsonNode? value) in source)
        {
            string path = prefix + key;
            if (!target.TryGetPropertyValue(key, out JsonNode? existing))
            {
                throw new ZeroException(
                    $"unknown config key '{path}' in {file}: known keys here are {string.Join(", ", target.Select(p => prefix + p.Key))}");
            }
            if (existing is JsonObject existingObject && value is JsonObject valueObject)
            {
                Merge(existingObject, valueObject, path + ".", file);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void ApplyOverride(JsonObject tree, string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            throw new ZeroException($"override '{assignment}' must look like section.field=value (e.g. selfPlay.playouts=100)");
        }
        string[] keys = assignment[..eq].Trim().Split('.');
        string text = assignment[(eq + 1)..].Trim();
        JsonObject node = tree;
        for (int i = 0; i < keys.Length; i++)
        {
            string key = keys[i];
            JsonNode? child = node.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            string? actual = node.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Key;
            if (actual is null)
            {
                string prefix = string.Join('.', keys[..i]);
                throw new ZeroException(
                    $"unknown config key '{assignment[..eq].Trim()}': known keys{(prefix.Length > 0 ? " under " + prefix : "")} are "
                    + string.Join(", ", node.Select(p => p.Key)));
            }
            if (i == keys.Length - 1)
            {
                node[actual] = ParseValue(text, child);
            }
            else if (child is JsonObject next)
            {
                node = next;
            }
            else
            {
                throw new ZeroException($"config key '{string.Join('.', keys[..(i + 1)])}' is a value, not a section");
            }
        }
    }

    private static JsonNode? ParseValue(string text, JsonNode? current)
    {
        if (current is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return JsonValue.Create(text.Trim('"'));
        }
        if (current is JsonArray && !text.StartsWith('['))
        {
            var array = new JsonArray();
            foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                array.Add(ParseScalar(part));
            }
            return array;
        }
        return ParseScalar(text);
    }

    private static JsonNode? ParseScalar(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
