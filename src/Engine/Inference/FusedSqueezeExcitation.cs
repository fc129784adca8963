using System.Numerics.Tensors;
using Zero.Engine.Kernels;

namespace Zero.Engine.Inference;

/// <summary>
/// The optional squeeze-excitation of a residual block at inference: per image, s = sigmoid(fc2(relu(fc1(mean over
/// the board of y)))), then out = relu(y·s + skip), written over y. Caller: <see cref="InferenceNet"/> (only when the
/// config's SqueezeExcitationRatio is set). Small shapes, so plain TensorPrimitives loops.
/// </summary>
internal sealed unsafe class FusedSqueezeExcitation(int channels, int squeezed, float[] fc1Weight, float[] fc1Bias, float[] fc2Weight, float[] fc2Bias)
{
    /// <summary>y[N·HW][C] ← relu(y·s + skip); scratch holds 3·C floats per image.</summary>
    public void Apply(float* y, float* skip, int batch, int hw, float* scratch, ComputePool pool)
    {
        nint yy = (nint)y, ss = (nint)skip, sc = (nint)scratch;
        pool.For(batch, 1, (n0, n1) =>
        {
            for (int n = n0; n < n1; n++)
            {
                float* img = (float*)yy + (long)n * hw * channels;
                float* res = (float*)ss + (long)n * hw * channels;
                var mean = new Span<float>((float*)sc + (long)n * 3 * channels, channels);
                var hidden = new Span<float>((float*)sc + (long)n * 3 * channels + channels, squeezed);
                var scale = new Span<float>((float*)sc + (long)n * 3 * channels + 2 * channels, channels);
                mean.Clear();
                for (int q = 0; q < hw; q++)
                {
                    TensorPrimitives.Add(mean, new ReadOnlySpan<float>(img + (long)q * channels, channels), mean);
                }
                TensorPrimitives.Multiply(mean, 1f / hw, mean);
                for (int j = 0; j < squeezed; j++)
                {
                    hidden[j] = Math.Max(0f, TensorPrimitives.Dot(new ReadOnlySpan<float>(fc1Weight, j * channels, channels), mean) + fc1Bias[j]);
                }
                for (int j = 0; j < channels; j++)
                {
                    scale[j] = TensorPrimitives.Dot(new ReadOnlySpan<float>(fc2Weight, j * squeezed, squeezed), hidden) + fc2Bias[j];
                }
                TensorPrimitives.Sigmoid(scale, scale);
                for (int q = 0; q < hw; q++)
                {
                    var row = new Span<float>(img + (long)q * channels, channels);
                    TensorPrimitives.MultiplyAdd(row, scale, new ReadOnlySpan<float>(res + (long)q * channels, channels), row);
                    TensorPrimitives.Max(row, 0f, row);
                }
            }
        });
    }
}
