using System.Text;
using Zero.Games;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Replay;
using Zero.SelfPlay.Training;

namespace Zero.SelfPlay.Tests;

/// <summary>
/// A test double for the network: a table from input features to policy logits and a value, trained by plain
/// gradient steps on the same loss parts. It lets the training loop (self-play → store → window → train →
/// generation → evaluation → checkpoint → resume) be tested quickly and without the tensor engine. Files are a
/// small text format; a damaged file fails to load with a ZeroException.
/// </summary>
internal sealed class TabularNetwork : ITrainableNetwork
{
    private readonly Dictionary<string, (float[] Logits, float Value)> _table;
    private readonly int _inputSize;
    private readonly int _actions;

    public TabularNetwork(int inputSize, int actions, Dictionary<string, (float[], float)>? table = null, long steps = 0)
    {
        _inputSize = inputSize;
        _actions = actions;
        _table = table ?? [];
        Steps = steps;
    }

    public string Description => $"tabular ({_table.Count} entries)";
    public long Steps { get; private set; }

    public LossParts TrainStep(TrainingBatch batch, double learningRate)
    {
        LossParts loss = Measure(batch);
        for (int i = 0; i < batch.Count; i++)
        {
            string key = Key(batch.Features.AsSpan(i * _inputSize, _inputSize));
            (float[] logits, float value) = _table.TryGetValue(key, out var e) ? e : (new float[_actions], 0f);
            float[] p = Softmax(logits);
            for (int a = 0; a < _actions; a++)
            {
                logits[a] -= (float)(learningRate * 10 * (p[a] - batch.Policy[i * _actions + a]));
            }
            value += (float)(learningRate * 10 * (batch.Values[i] - value));
            _table[key] = (logits, Math.Clamp(value, -1f, 1f));
        }
        Steps++;
        return loss;
    }

    public LossParts Measure(TrainingBatch batch)
    {
        double policy = 0, value = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            string key = Key(batch.Features.AsSpan(i * _inputSize, _inputSize));
            (float[] logits, float v) = _table.TryGetValue(key, out var e) ? e : (new float[_actions], 0f);
            float[] p = Softmax(logits);
            for (int a = 0; a < _actions; a++)
            {
                float target = batch.Policy[i * _actions + a];
                if (target > 0)
                {
                    policy -= target * Math.Log(Math.Max(p[a], 1e-9));
                }
            }
            value += Math.Pow(batch.Values[i] - v, 2);
        }
        return new LossParts(policy / batch.Count, value / batch.Count, 0);
    }

    public IBatchModel CreateInferenceModel() =>
        new Model(_inputSize, _actions, _table.ToDictionary(kv => kv.Key, kv => ((float[])kv.Value.Logits.Clone(), kv.Value.Value)));

    public void SaveWeights(string path) => File.WriteAllText(path, Serialize());

    public void SaveCheckpoint(string path) => File.WriteAllText(path, $"steps {Steps}\n" + Serialize());

    private string Serialize()
    {
        var sb = new StringBuilder($"tabular {_inputSize} {_actions}\n");
        foreach ((string key, (float[] logits, float value)) in _table.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(key).Append(' ').Append(value.ToString("R")).Append(' ').AppendJoin(',', logits.Select(l => l.ToString("R"))).Append('\n');
        }
        return sb.ToString();
    }

    public static TabularNetwork Load(string path, bool checkpoint)
    {
        try
        {
            string[] lines = File.ReadAllLines(path);
            int at = 0;
            long steps = 0;
            if (checkpoint)
            {
                steps = long.Parse(lines[at++].Split(' ')[1]);
            }
            string[] head = lines[at++].Split(' ');
            if (head[0] != "tabular")
            {
                throw new FormatException("bad header");
            }
            int inputSize = int.Parse(head[1]), actions = int.Parse(head[2]);
            var table = new Dictionary<string, (float[], float)>();
            for (; at < lines.Length; at++)
            {
                string[] parts = lines[at].Split(' ');
                float[] logits = parts[2].Split(',').Select(float.Parse).ToArray();
                if (logits.Length != actions || parts[0].Length != inputSize)
                {
                    throw new FormatException("bad entry");
                }
                table[parts[0]] = (logits, float.Parse(parts[1]));
            }
            return new TabularNetwork(inputSize, actions, table, steps);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new ZeroException($"'{path}' is not a tabular network file ({e.Message})");
        }
    }

    private static string Key(ReadOnlySpan<float> features)
    {
        var chars = new char[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            chars[i] = features[i] != 0 ? '1' : '0';
        }
        return new string(chars);
    }

    private static float[] Softmax(float[] logits)
    {
        float max = logits.Max();
        float[] p = logits.Select(l => MathF.Exp(l - max)).ToArray();
        float sum = p.Sum();
        return p.Select(x => x / sum).ToArray();
    }

    private sealed class Model(int inputSize, int actions, Dictionary<string, (float[] Logits, float Value)> table) : IBatchModel
    {
        public string Name => "tabular";
        public int InputSize => inputSize;
        public int PolicySize => actions;
        public bool HasWdl => false;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            for (int i = 0; i < count; i++)
            {
                string key = Key(inputs.Slice(i * inputSize, inputSize));
                if (table.TryGetValue(key, out var e))
                {
                    e.Logits.CopyTo(policyLogits.Slice(i * actions, actions));
                    values[i] = e.Value;
                }
                else
                {
                    policyLogits.Slice(i * actions, actions).Clear();
                    values[i] = 0;
                }
            }
        }
    }
}
