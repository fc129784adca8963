using System.Buffers.Binary;
using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Serialization;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Serialization;

/// <summary>Weights and optimizer-state files: bit-exact round trips and a clear message for every kind of damage.</summary>
public sealed class WeightsFileTests : IDisposable
{
    private static readonly PolicyValueNetConfig Small = new(3, 4, 5, 2, 8, 6, SqueezeExcitationRatio: 2);
    private readonly string dir = Path.Combine(Path.GetTempPath(), "zero-weights-tests-" + Guid.NewGuid().ToString("N"));

    public WeightsFileTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PathOf(string name) => Path.Combine(dir, name);

    private static PolicyValueNet TrainedNet()
    {
        var rng = new Random(11);
        var net = new PolicyValueNet(Small, rng);
        var tape = new Tape();
        net.Forward(tape, GradCheck.Random(rng, 1, 4, 3, 4, 5)); // moves the running statistics
        return net;
    }

    [Fact]
    public void PolicyValueNet_SaveLoad_RoundTripsBitExactly()
    {
        PolicyValueNet net = TrainedNet();
        string path = PathOf("net.zw");
        WeightsFile.Save(path, net);
        PolicyValueNet loaded = WeightsFile.LoadPolicyValueNet(path);
        Assert.Equal(net.Config, loaded.Config);
        IReadOnlyDictionary<string, Tensor> a = net.State();
        IReadOnlyDictionary<string, Tensor> b = loaded.State();
        Assert.Equal(a.Keys, b.Keys);
        foreach (string k in a.Keys)
        {
            Assert.Equal(a[k].Shape, b[k].Shape);
            Assert.True(a[k].Span.SequenceEqual(b[k].Span), k);
        }

        Assert.Equal(Small, WeightsFile.ReadConfig(path));
        (PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> arrays) = WeightsFile.ReadPolicyValueArrays(path);
        Assert.Equal(Small, config);
        Assert.Equal(a["blocks.1.se.fc1.weight"].ToArray(), arrays["blocks.1.se.fc1.weight"]);
    }

    [Fact]
    public void Mlp_SaveLoad_RoundTripsBitExactly()
    {
        var mlp = new Mlp([4, 16, 3], Activation.Relu, new Random(2));
        string path = PathOf("mlp.zw");
        WeightsFile.Save(path, mlp);
        Mlp loaded = WeightsFile.LoadMlp(path);
        Assert.Equal(mlp.Sizes, loaded.Sizes);
        Assert.Equal(Activation.Relu, loaded.HiddenActivation);
        float[] x = [0.1f, -0.2f, 0.3f, 0.4f];
        float[] y1 = new float[3], y2 = new float[3];
        mlp.Predict(x, y1);
        loaded.Predict(x, y2);
        Assert.Equal(y1, y2);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("holds a 'mlp' network", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptimizerState_SaveLoad_ResumesIdentically()
    {
        var rng = new Random(3);
        var a = new Mlp([3, 5, 2], Activation.Tanh, rng);
        var b = new Mlp([3, 5, 2], Activation.Tanh, new Random(99));
        b.LoadState(a.State());
        var optA = new Adam(a.Parameters(), 0.01f);
        var optB = new Adam(b.Parameters(), 0.01f);
        Tensor x = GradCheck.Random(rng, 1, 4, 3);
        Tensor y = GradCheck.Random(rng, 1, 4, 2);
        var tape = new Tape();
        void Step(Mlp m, Optimizer o)
        {
            tape.Reset();
            o.ZeroGrad();
            tape.Backward(tape.Mse(m.Forward(tape, x), y));
            o.Step();
        }

        Step(a, optA);
        Step(a, optA);
        string path = PathOf("opt.zo");
        OptimizerStateFile.Save(path, optA);
        b.LoadState(a.State());
        OptimizerStateFile.Load(path, optB);
        Assert.Equal(2, optB.StepCount);
        Step(a, optA);
        Step(b, optB);
        Assert.Equal(a.State()["layers.0.weight"].ToArray(), b.State()["layers.0.weight"].ToArray());

        var sgd = new Sgd(b.Parameters(), 0.1f, 0.9f);
        var ex = Assert.Throws<WeightsFileException>(() => OptimizerStateFile.Load(path, sgd));
        Assert.Contains("holds 'adam' optimizer state", ex.Message, StringComparison.Ordinal);
        var ex2 = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadMlp(path));
        Assert.Contains("not a weights file", ex2.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Load_TruncatedFile_SaysTruncated(double keep)
    {
        string path = PathOf("net.zw");
        WeightsFile.Save(path, TrainedNet());
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("copy the file again", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-50)]
    [InlineData(-2000)]
    public void Load_FlippedByte_SaysCorrupted(int fromEnd)
    {
        string path = PathOf("net.zw");
        WeightsFile.Save(path, TrainedNet());
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length + fromEnd] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("corrupted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DamagedDimension_IsRejectedWithAFix()
    {
        string path = PathOf("net.zw");
        WeightsFile.Save(path, TrainedNet());
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^40] ^= 0x10; // the dimension of the last tensor (value.bn.running_var [1]) becomes 17
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("header is damaged", ex.Message, StringComparison.Ordinal);
        Assert.Contains("copy the file again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAZeroFile_SaysSo()
    {
        string path = PathOf("x.txt");
        File.WriteAllText(path, "hello, this is not a network");
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("not a Zero weights file", ex.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(PathOf("missing.zw")));
        Assert.Contains("Cannot read weights file", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NewerVersion_SaysUpdate()
    {
        string path = PathOf("net.zw");
        WeightsFile.Save(path, TrainedNet());
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 2);
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("version 2, newer than this build reads (1)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void Load_DamagedVersionField_SaysTheFileIsDamagedNotConvert(int version)
    {
        // "format version -2 ... convert it" sent the user looking for a converter; the field is damage.
        string path = PathOf("net.zw");
        WeightsFile.Save(path, TrainedNet());
        byte[] bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), version);
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("damaged header", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Convert", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderInsteadOfFile_SaysItIsAFolder()
    {
        string folder = PathOf("a-folder");
        Directory.CreateDirectory(folder);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(folder));
        Assert.Contains("is a folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongShapeOrArchitecture_SaysWhichTensor()
    {
        PolicyValueNet net = TrainedNet();
        string path = PathOf("net.zw");
        var state = net.State().ToDictionary(kv => kv.Key, kv => kv.Value);
        state["policy.fc.weight"] = new Tensor(6, 41);
        TensorFile.Write(path, File.Exists(path) ? "" : MetadataOf(net), state);
        var ex = Assert.Throws<WeightsFileException>(() => WeightsFile.LoadPolicyValueNet(path));
        Assert.Contains("'policy.fc.weight' has shape [6, 41] in the weights but [6, 40] in the model", ex.Message, StringComparison.Ordinal);

        WeightsFile.Save(path, net);
        var other = new PolicyValueNet(Small with { Channels = 16 }, new Random(1));
        var ex2 = Assert.Throws<WeightsFileException>(() => WeightsFile.Load(path, other));
        Assert.Contains("2 blocks × 8 channels", ex2.Message, StringComparison.Ordinal);
        Assert.Contains("2 blocks × 16 channels", ex2.Message, StringComparison.Ordinal);
    }

    private string MetadataOf(PolicyValueNet net)
    {
        string tmp = PathOf("meta.zw");
        WeightsFile.Save(tmp, net);
        return TensorFile.Read(tmp).MetadataJson;
    }
}
