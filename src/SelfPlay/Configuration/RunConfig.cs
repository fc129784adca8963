using System.Text.Json;
using System.Text.Json.Nodes;
using Zero.Games;
using Zero.Search.Mcts;

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
            catch (Exception e) when (e is JsonException or ArgumentException)
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
        catch (Exception e) when (e is JsonException or ArgumentException)
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

    /// <summary>
    /// Every problem with the values, each naming its key and its allowed range; empty when the config is usable. The
    /// ranges are what the run can use without exhausting memory or time (parallelGames 100,000,000 would allocate
    /// without bound), so a typo is refused here, before the run folder is touched.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok) errors.Add(message);
        }
        void Range(double value, string key, double min, double max, bool minExclusive = false)
        {
            bool ok = (minExclusive ? value > min : value >= min) && value <= max;
            if (!ok)
            {
                string low = minExclusive ? $"more than {Text(min)} and at most" : $"from {Text(min)} to";
                errors.Add($"{key} must be {low} {Text(max)} (got {Text(value)})");
            }
        }
        Range(Network.Blocks, "network.blocks", 0, 64);
        Range(Network.Channels, "network.channels", 1, 1024);
        Range(Network.PolicyChannels, "network.policyChannels", 1, 256);
        Range(Network.ValueChannels, "network.valueChannels", 1, 256);
        Range(Network.ValueHidden, "network.valueHidden", 1, 4096);
        Range(SelfPlay.GamesPerGeneration, "selfPlay.gamesPerGeneration", 1, 1_000_000);
        Range(SelfPlay.ParallelGames, "selfPlay.parallelGames", 1, 4096);
        Range(SelfPlay.Playouts, "selfPlay.playouts", 1, 1_000_000);
        Range(SelfPlay.SearchBatch, "selfPlay.searchBatch", 1, 256);
        // The search's own numbers: ranges from their one declaration (SearchParameters).
        void Search(SearchParameter p, double value)
        {
            if (p.Check(value, "selfPlay." + p.Key) is { } problem) errors.Add(problem);
        }
        Search(SearchParameters.CInit, SelfPlay.CInit);
        Search(SearchParameters.CBase, SelfPlay.CBase);
        Search(SearchParameters.FpuValue, SelfPlay.FpuValue);
        Search(SearchParameters.DirichletAlpha, SelfPlay.DirichletAlpha);
        Search(SearchParameters.NoiseFraction, SelfPlay.NoiseFraction);
        Range(SelfPlay.TemperatureMoves, "selfPlay.temperatureMoves", 0, 10_000);
        Range(SelfPlay.MaxPlies, "selfPlay.maxPlies", 1, 100_000);
        Require(SelfPlay.ResignThreshold is >= -1 and <= 0, $"selfPlay.resignThreshold must be from -1 to 0 (-1 = never resign; got {Text(SelfPlay.ResignThreshold)})");
        Range(SelfPlay.ResignCheckShare, "selfPlay.resignCheckShare", 0, 1);
        Range(SelfPlay.ResignMinPly, "selfPlay.resignMinPly", 0, 100_000);
        Range(SelfPlay.RandomOpeningShare, "selfPlay.randomOpeningShare", 0, 1);
        Range(SelfPlay.RandomOpeningMaxPlies, "selfPlay.randomOpeningMaxPlies", 0, 10_000);
        Require(SelfPlay.RandomOpeningShare == 0 || SelfPlay.RandomOpeningMaxPlies >= 1,
            "selfPlay.randomOpeningMaxPlies must be ≥ 1 when selfPlay.randomOpeningShare > 0");
        Range(Training.BatchSize, "training.batchSize", 1, 65_536);
        Range(Training.SamplesPerPosition, "training.samplesPerPosition", 0, 1000, minExclusive: true);
        Require(Training.Optimizer is "sgd" or "adam", $"training.optimizer must be \"sgd\" or \"adam\", not \"{Training.Optimizer}\"");
        Range(Training.LearningRate, "training.learningRate", 0, 10, minExclusive: true);
        Require(Training.Momentum is >= 0 and < 1, $"training.momentum must be from 0 to below 1 (got {Text(Training.Momentum)})");
        Range(Training.WeightDecay, "training.weightDecay", 0, 1);
        Range(Training.LearningRateDrop, "training.learningRateDrop", 0, 1, minExclusive: true);
        foreach (int g in Training.LearningRateDropGenerations)
        {
            Range(g, "training.learningRateDropGenerations[]", 1, 1_000_000);
        }
        Range(Training.ReplayWindowGames, "training.replayWindowGames", 1, 10_000_000);
        Range(Training.MinPositions, "training.minPositions", 1, 100_000_000);
        Range(Training.ValueTargetQWeight, "training.valueTargetQWeight", 0, 1);
        Range(Evaluation.GamesVsPrevious, "evaluation.gamesVsPrevious", 0, 100_000);
        Range(Evaluation.GamesPerBaseline, "evaluation.gamesPerBaseline", 0, 100_000);
        Range(Evaluation.GatingScore, "evaluation.gatingScore", 0, 1);
        Range(Evaluation.Playouts, "evaluation.playouts", 1, 1_000_000);
        Range(Evaluation.TemperatureMoves, "evaluation.temperatureMoves", 0, 10_000);
        Range(Limits.Generations, "limits.generations", 0, 1_000_000);
        Require(string.IsNullOrWhiteSpace(Limits.Time) || DurationText.TryParse(Limits.Time, out _),
            $"limits.time \"{Limits.Time}\" is not a duration: {DurationText.Allowed}");
        return errors;
    }

    private static string Text(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);

    private static RunConfig FromTree(JsonObject tree, string source)
    {
        try
        {
            return tree.Deserialize<RunConfig>(JsonOptions) ?? throw new ZeroException($"{source}: empty config");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            string path = e is JsonException { Path: { Length: > 2 } p } ? p[2..] : "?";
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
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return JsonValue.Create(text);
        }
    }
}
