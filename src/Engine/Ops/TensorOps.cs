using Zero.Engine.Autograd;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>
/// Every differentiable operation, as extension methods on <see cref="Tape"/> (<c>tape.Relu(x)</c>), split into partial
/// files by concern: elementwise, linear algebra, convolution and normalisation, reductions and shapes, softmax and
/// losses, RL distributions. Each forward writes into an arena tensor and records a <see cref="TapeEntry"/> when an
/// input requires a gradient; <see cref="Backward"/> dispatches on the entry's kind. Called by modules, losses and the
/// RL and self-play trainers.
/// </summary>
public static partial class TensorOps
{
    /// <summary>The shape [1] of losses and full reductions (a static array: a literal allocates in Debug builds).</summary>
    private static readonly int[] ScalarShape = [1];

    /// <summary>Adds the gradient contribution of one recorded operation to its inputs' gradients.</summary>
    internal static void Backward(Tape tape, ref TapeEntry e)
    {
        switch (e.Kind)
        {
            case OpKind.Add:
            case OpKind.Sub:
            case OpKind.Mul:
                BroadcastBackward(tape, ref e);
                break;
            case OpKind.AddScalar:
            case OpKind.Scale:
            case OpKind.Relu:
            case OpKind.Tanh:
            case OpKind.Sigmoid:
            case OpKind.Softplus:
            case OpKind.Exp:
            case OpKind.Log:
            case OpKind.Square:
            case OpKind.Clamp:
                UnaryBackward(tape, ref e);
                break;
            case OpKind.Minimum:
            case OpKind.Maximum:
                MinMaxBackward(ref e);
                break;
            case OpKind.Linear:
                LinearBackward(tape, ref e);
                break;
            case OpKind.MatMul:
                MatMulBackward(tape, ref e);
                break;
            case OpKind.Conv2d:
                Conv2dBackward(tape, ref e);
                break;
            case OpKind.BatchNorm2d:
                BatchNormBackward(tape, ref e);
                break;
            case OpKind.Sum:
            case OpKind.Mean:
                SumBackward(ref e);
                break;
            case OpKind.SumAxis:
                SumAxisBackward(ref e);
                break;
            case OpKind.Reshape:
                ReshapeBackward(ref e);
                break;
            case OpKind.Concat:
                ConcatBackward(ref e);
                break;
            case OpKind.SliceColumns:
                SliceColumnsBackward(ref e);
                break;
            case OpKind.GlobalAvgPool:
                GlobalAvgPoolBackward(ref e);
                break;
            case OpKind.ScaleChannels:
                ScaleChannelsBackward(ref e);
                break;
            case OpKind.Softmax:
                SoftmaxBackward(ref e);
                break;
            case OpKind.LogSoftmax:
                LogSoftmaxBackward(ref e);
                break;
            case OpKind.Gather:
                GatherBackward(ref e);
                break;
            case OpKind.SoftCrossEntropy:
                SoftCrossEntropyBackward(ref e);
                break;
            case OpKind.Mse:
                MseBackward(ref e);
                break;
            case OpKind.Huber:
                HuberBackward(ref e);
                break;
            case OpKind.CategoricalLogProb:
                CategoricalLogProbBackward(ref e);
                break;
            case OpKind.CategoricalEntropy:
                CategoricalEntropyBackward(ref e);
                break;
            case OpKind.GaussianLogProb:
                GaussianLogProbBackward(ref e);
                break;
            case OpKind.GaussianEntropy:
                GaussianEntropyBackward(ref e);
                break;
            case OpKind.TanhSquashCorrection:
                TanhSquashBackward(ref e);
                break;
            default:
                throw new InvalidOperationException($"No backward for {e.Kind}.");
        }
    }

    /// <summary>Elementwise work below this many elements stays on the calling thread (the hand-off costs more).</summary>
    internal const int ParallelThreshold = 1 << 16;

    /// <summary>Runs body(start, end) over [0, length), split across the tape's pool when the work is large.</summary>
    internal static void ParallelFor(Tape tape, int length, Action<int, int> body)
    {
        if (tape.Pool.Threads == 1 || length < ParallelThreshold)
        {
            body(0, length);
        }
        else
        {
            tape.Pool.For(length, ParallelThreshold / 2, body);
        }
    }

    private static void RequireSameShape(Tensor a, Tensor b, string op)
    {
        if (!a.ShapeEquals(b.Shape))
        {
            throw new ArgumentException($"{op}: shapes {a.ShapeString} and {b.ShapeString} must be equal.");
        }
    }

    private static void RequireRank(Tensor a, int rank, string op, string what)
    {
        if (a.Rank != rank)
        {
            throw new ArgumentException($"{op}: {what} must have rank {rank}, got {a.ShapeString}.");
        }
    }
}
