using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Zero.Engine.Autograd;
using Zero.Engine.Kernels;
using Zero.Engine.Tensors;

namespace Zero.Engine.Ops;

/// <summary>Matrix products: the fully connected layer and the plain 2-D matrix product, both on the SGEMM kernel.</summary>
public static partial class TensorOps
{
    /// <summary>y[N, out] = x[N, in] · W[out, in]ᵀ + b[out] (PyTorch's layout); <paramref name="bias"/> may be null.</summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public static Tensor Linear(this Tape tape, Tensor x, Tensor weight, Tensor? bias)
    {
        RequireRank(weight, 2, "Linear", "weight");
        int outF = weight.Shape[0];
        int inF = weight.Shape[1];
        if (x.Rank != 2 || x.Shape[1] != inF)
        {
            throw new ArgumentException($"Linear: input {x.ShapeString} does not fit weight {weight.ShapeString}; expected [N, {inF}].");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != outF))
        {
            throw new ArgumentException($"Linear: bias {bias.ShapeString} does not fit weight {weight.ShapeString}; expected [{outF}].");
        }

        int n = x.Shape[0];
        bool record = tape.ShouldRecord(x, weight, bias);
        Tensor y = tape.Alloc([n, outF], record);
        LinearForward(x.Span, weight.Span, bias is null ? default : bias.Span, y.Span, n, inF, outF, tape.Pool, tape.Scratch(1, inF * outF));
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.Linear, y);
            e.A = x;
            e.B = weight;
            e.C = bias;
        }

        return y;
    }

    /// <summary>
    /// The forward product of <see cref="Linear"/> on raw spans (also used by the no-tape MLP path);
    /// <paramref name="scratch"/> holds at least in·out floats.
    /// </summary>
    internal static void LinearForward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> y, int n, int inF, int outF, ComputePool pool, Span<float> scratch)
    {
        if (IsSmall(n, outF, inF))
        {
            if (n >= 8 && outF >= 16)
            {
                // Broadcast-FMA form on Wᵀ: the transpose (in·out) is cheap next to the n·in·out product.
                Span<float> wt = scratch[..(inF * outF)];
                SmallGemm.Transpose(w, outF, inF, inF, wt);
                SmallGemm.Multiply(n, outF, inF, x, inF, 1, wt, outF, y, outF, false);
            }
            else
            {
                SmallGemm.MultiplyNT(n, outF, inF, x, inF, w, inF, y, outF, false);
            }
        }
        else
        {
            Gemm.Sgemm(false, true, n, outF, inF, x, inF, w, inF, y, outF, false, pool);
        }

        if (!b.IsEmpty)
        {
            for (int r = 0; r < n; r++)
            {
                Span<float> yr = y.Slice(r * outF, outF);
                TensorPrimitives.Add(yr, b, yr);
            }
        }
    }

    /// <summary>Products up to this many multiply-adds run on <see cref="SmallGemm"/> instead of the packed, threaded GEMM.</summary>
    private const long SmallProduct = 1L << 20;

    private static bool IsSmall(int m, int n, int k) => (long)m * n * k <= SmallProduct;

    private static void LinearBackward(Tape tape, ref TapeEntry e)
    {
        Tensor x = e.A!;
        Tensor w = e.B!;
        Tensor? b = e.C;
        ReadOnlySpan<float> gy = e.Out.Grad;
        int outF = w.Shape[0];
        int inF = w.Shape[1];
        int n = x.Shape[0];
        if (x.RequiresGrad)
        {
            // dx[N, in] += dy[N, out] · W[out, in]
            if (IsSmall(n, inF, outF))
            {
                SmallGemm.Multiply(n, inF, outF, gy, outF, 1, w.Span, inF, x.Grad, inF, true);
            }
            else
            {
                Gemm.Sgemm(false, false, n, inF, outF, gy, outF, w.Span, inF, x.Grad, inF, true, tape.Pool);
            }
        }

        if (w.RequiresGrad)
        {
            // dW[out, in] += dy[N, out]ᵀ · x[N, in]
            if (IsSmall(outF, inF, n) && inF < 16 && outF >= 16)
            {
                // Narrow input (e.g. 4 observations): dWᵀ[in, out] = xᵀ · dy is vectorised along out; add it transposed.
                Span<float> dwt = tape.Scratch(1, inF * outF).AsSpan(0, inF * outF);
                SmallGemm.Multiply(inF, outF, n, x.Span, 1, inF, gy, outF, dwt, outF, false);
                Span<float> gw = w.Grad;
                for (int i = 0; i < inF; i++)
                {
                    for (int o = 0; o < outF; o++)
                    {
                        gw[(o * inF) + i] += dwt[(i * outF) + o];
                    }
                }
            }
            else if (IsSmall(outF, inF, n))
            {
                SmallGemm.Multiply(outF, inF, n, gy, 1, outF, x.Span, inF, w.Grad, inF, true);
            }
            else
            {
                Gemm.Sgemm(true, false, outF, inF, n, gy, outF, x.Span, inF, w.Grad, inF, true, tape.Pool);
            }
        }

        if (b is not null && b.RequiresGrad)
        {
            Span<float> gb = b.Grad;
            for (int r = 0; r < n; r++)
            {
                TensorPrimitives.Add(gb, gy.Slice(r * outF, outF), gb);
            }
        }
    }

    /// <summary>C[m, n] = A[m, k] · B[k, n].</summary>
    /// <exception cref="ArgumentException">Shapes do not fit.</exception>
    public static Tensor MatMul(this Tape tape, Tensor a, Tensor b)
    {
        RequireRank(a, 2, "MatMul", "a");
        RequireRank(b, 2, "MatMul", "b");
        if (a.Shape[1] != b.Shape[0])
        {
            throw new ArgumentException($"MatMul: inner dimensions differ: {a.ShapeString} · {b.ShapeString}.");
        }

        int m = a.Shape[0];
        int k = a.Shape[1];
        int n = b.Shape[1];
        bool record = tape.ShouldRecord(a, b);
        Tensor c = tape.Alloc([m, n], record);
        Gemm.Sgemm(false, false, m, n, k, a.Span, k, b.Span, n, c.Span, n, false, tape.Pool);
        if (record)
        {
            ref TapeEntry e = ref tape.Record(OpKind.MatMul, c);
            e.A = a;
            e.B = b;
        }

        return c;
    }

    private static void MatMulBackward(Tape tape, ref TapeEntry e)
    {
        Tensor a = e.A!;
        Tensor b = e.B!;
        int m = a.Shape[0];
        int k = a.Shape[1];
        int n = b.Shape[1];
        ReadOnlySpan<float> gc = e.Out.Grad;
        if (a.RequiresGrad)
        {
            // dA[m, k] += dC[m, n] · B[k, n]ᵀ
            Gemm.Sgemm(false, true, m, k, n, gc, n, b.Span, n, a.Grad, k, true, tape.Pool);
        }

        if (b.RequiresGrad)
        {
            // dB[k, n] += A[m, k]ᵀ · dC[m, n]
            Gemm.Sgemm(true, false, k, n, m, a.Span, k, gc, n, b.Grad, n, true, tape.Pool);
        }
    }
}
