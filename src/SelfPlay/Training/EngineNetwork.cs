using System.IO.Compression;
using Zero.Engine.Autograd;
using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Optim;
using Zero.Engine.Serialization;
using Zero.Engine.Tensors;
using Zero.Games;
using Zero.Network;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Replay;

namespace Zero.SelfPlay.Training;

/// <summary>
/// The real network of the training loop: the engine's <see cref="PolicyValueNet"/> trained with the AlphaZero loss
/// (z − v)² − πᵀ log p + c‖θ‖² by SGD with momentum (or Adam), on a tape that is reused every step. The L2 term is
/// applied as weight decay 2c in the optimizer (the gradient of c‖θ‖²) and reported as c‖θ‖². Weights files are the
/// engine's <see cref="WeightsFile"/> format; a checkpoint is a zip holding the weights and the optimizer state
/// (<see cref="OptimizerStateFile"/>). Created and loaded by <see cref="EngineNetworkFactory"/>.
/// </summary>
public sealed class EngineNetwork : ITrainableNetwork
{
    private readonly PolicyValueNet _net;
    private readonly Optimizer _optimizer;
    private readonly Tape _tape;
    private readonly ComputePool _pool;
    private readonly double _l2;
    private Tensor? _x, _pi, _z;
    private TrainingBatch? _bound;

    internal EngineNetwork(PolicyValueNet net, TrainingConfig training, ComputePool pool)
    {
        _net = net;
        _pool = pool;
        _tape = new Tape(pool);
        _l2 = training.WeightDecay;
        float wd = (float)(2 * training.WeightDecay);
        IReadOnlyList<Tensor> parameters = net.Parameters();
        _optimizer = training.Optimizer == "adam"
            ? new Adam(parameters, (float)training.LearningRate, weightDecay: wd)
            : new Sgd(parameters, (float)training.LearningRate, (float)training.Momentum, wd);
    }

    public PolicyValueNet Net => _net;

    public string Description =>
        $"{_net.Config.Blocks} blocks × {_net.Config.Channels} channels, {_net.ParameterCount:N0} parameters, {_optimizer.Kind}";

    public long Steps => _optimizer.StepCount;

    public LossParts TrainStep(TrainingBatch batch, double learningRate)
    {
        // 1. Forward and loss on the reused tape (the tensors wrap the batch's arrays).
        Bind(batch);
        _net.Train();
        _tape.Reset();
        PolicyValueLoss loss = _net.Loss(_tape, _x!, _pi!, _z!);

        // 2. Backward and step.
        _optimizer.LearningRate = (float)learningRate;
        _optimizer.ZeroGrad();
        _tape.Backward(loss.Total);
        _optimizer.Step();
        return new LossParts(loss.PolicyLoss, loss.ValueLoss, L2Term());
    }

    public LossParts Measure(TrainingBatch batch)
    {
        Bind(batch);
        _net.Eval();
        _tape.Reset();
        PolicyValueLoss loss;
        using (_tape.NoGrad())
        {
            loss = _net.Loss(_tape, _x!, _pi!, _z!);
        }
        _net.Train();
        return new LossParts(loss.PolicyLoss, loss.ValueLoss, L2Term());
    }

    public IBatchModel CreateInferenceModel()
    {
        var arrays = _net.State().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        return new NetworkModel(new InferenceNet(_net.Config, arrays), _pool, $"b{_net.Config.Blocks}c{_net.Config.Channels}");
    }

    public void SaveWeights(string path) => WeightsFile.Save(path, _net);

    public void SaveCheckpoint(string path)
    {
        string weights = path + ".weights.tmp", optimizer = path + ".optimizer.tmp";
        try
        {
            WeightsFile.Save(weights, _net);
            OptimizerStateFile.Save(optimizer, _optimizer);
            File.Delete(path);
            using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
            zip.CreateEntryFromFile(weights, "weights", CompressionLevel.Fastest);
            zip.CreateEntryFromFile(optimizer, "optimizer", CompressionLevel.Fastest);
        }
        finally
        {
            File.Delete(weights);
            File.Delete(optimizer);
        }
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/>.</summary>
    /// <exception cref="ZeroException">The file is not a checkpoint, is damaged, or was written for another network or optimizer.</exception>
    internal static EngineNetwork LoadCheckpoint(string path, TrainingConfig training, PolicyValueNetConfig expected, ComputePool pool)
    {
        string folder = Path.Combine(Path.GetTempPath(), "zero-checkpoint-" + Guid.NewGuid().ToString("N"));
        try
        {
            ZipFile.ExtractToDirectory(path, folder);
            PolicyValueNet net = WeightsFile.LoadPolicyValueNet(Path.Combine(folder, "weights"));
            if (net.Config != expected)
            {
                throw new ZeroException(
                    $"checkpoint '{path}' holds a {net.Config.Blocks}×{net.Config.Channels} network but the run's config asks for "
                    + $"{expected.Blocks}×{expected.Channels}: keep the run's network section, or start a new run folder");
            }
            var network = new EngineNetwork(net, training, pool);
            OptimizerStateFile.Load(Path.Combine(folder, "optimizer"), network._optimizer);
            return network;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or WeightsFileException)
        {
            throw new ZeroException($"checkpoint '{path}' cannot be read ({e.Message}): restore it from a copy, or start a new run folder");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private void Bind(TrainingBatch batch)
    {
        if (ReferenceEquals(batch, _bound))
        {
            return;
        }
        PolicyValueNetConfig c = _net.Config;
        _x = new Tensor(batch.Features, batch.Capacity, c.InputPlanes, c.Height, c.Width);
        _pi = new Tensor(batch.Policy, batch.Capacity, c.PolicySize);
        _z = new Tensor(batch.Values, batch.Capacity, 1);
        _bound = batch;
    }

    private double L2Term()
    {
        double sum = 0;
        foreach (Tensor p in _optimizer.Parameters)
        {
            foreach (float w in p.Span)
            {
                sum += (double)w * w;
            }
        }
        return _l2 * sum;
    }
}
