using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Zero.Engine.Kernels;

namespace Zero.Engine.Inference;

/// <summary>
/// 3×3 convolution (stride 1, zero padding 1) by Winograd F(4×4, 3×3) on NHWC activations, with the bias, the
/// residual add and the ReLU fused into the output transform. It is the inference network's convolution for every
/// 3×3 layer whose channel counts are multiples of 16 (the residual tower); <see cref="InferenceNet"/> calls it.
/// <para>
/// Each 6×6 input tile d (stride 4) becomes V = Bᵀ d B; each filter g becomes U = G g Gᵀ (once, at build time); the
/// 36 element positions ξ are 36 independent matrix products M[ξ] = V[ξ] · U[ξ] over the channels (rows: tiles,
/// K: input channels, N: output channels, run by <see cref="InferenceGemm"/>); the 4×4 output tile is Aᵀ M A. That is
/// 36 multiply-adds per 16 outputs per channel pair instead of 144: 4× fewer (2.6× on a 6×7 board, whose 2×2 tiles
/// cover 8×8). Tiles are processed in blocks small enough that V and M stay in L2; blocks run in parallel.
/// </para>
/// <code>
/// V scratch: [36 ξ][tiles in block][Cin]     M scratch: [36 ξ][tiles in block][Cout]
/// </code>
/// Measured (zero bench nn, 2 threads, this 2-core AMD EPYC Zen 4; see InferenceNet's header for the table):
/// Winograd against im2col + the same GEMM on the residual tower.
/// </summary>
internal sealed unsafe class WinogradConv3x3
{
    private const int Alpha = 6;
    private const int Xi = Alpha * Alpha;

    [ThreadStatic]
    private static float[]? t_scratch;

    private readonly PackedMatrix[] _u;
    private readonly float[] _bias;

    /// <summary>Transforms the filters <paramref name="weight"/>[Cout][Cin][3][3] (BN already folded in).</summary>
    public WinogradConv3x3(int inChannels, int outChannels, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
    {
        if (inChannels % 16 != 0 || outChannels % 16 != 0)
        {
            throw new ArgumentException($"Winograd convolution needs channel counts that are multiples of 16; got {inChannels}→{outChannels}.");
        }
        InChannels = inChannels;
        OutChannels = outChannels;
        _bias = GC.AllocateArray<float>(outChannels, pinned: true);
        bias.CopyTo(_bias);
        // U[ξ][ci][co] = (G g Gᵀ)[ξ] for g = weight[co][ci], computed in double precision.
        var u = new float[Xi][];
        for (int x = 0; x < Xi; x++)
        {
            u[x] = new float[inChannels * outChannels];
        }
        double[,] gm =
        {
            { 1.0 / 4, 0, 0 },
            { -1.0 / 6, -1.0 / 6, -1.0 / 6 },
            { -1.0 / 6, 1.0 / 6, -1.0 / 6 },
            { 1.0 / 24, 1.0 / 12, 1.0 / 6 },
            { 1.0 / 24, -1.0 / 12, 1.0 / 6 },
            { 0, 0, 1 },
        };
        var tmp = new double[Alpha, 3];
        for (int co = 0; co < outChannels; co++)
        {
            for (int ci = 0; ci < inChannels; ci++)
            {
                int w0 = (co * inChannels + ci) * 9;
                for (int i = 0; i < Alpha; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        tmp[i, j] = gm[i, 0] * weight[w0 + j] + gm[i, 1] * weight[w0 + 3 + j] + gm[i, 2] * weight[w0 + 6 + j];
                    }
                }
                for (int i = 0; i < Alpha; i++)
                {
                    for (int j = 0; j < Alpha; j++)
                    {
                        u[i * Alpha + j][ci * outChannels + co] = (float)(tmp[i, 0] * gm[j, 0] + tmp[i, 1] * gm[j, 1] + tmp[i, 2] * gm[j, 2]);
                    }
                }
            }
        }
        _u = new PackedMatrix[Xi];
        for (int x = 0; x < Xi; x++)
        {
            float[] ux = u[x];
            _u[x] = new PackedMatrix(inChannels, outChannels, (p, j) => ux[p * outChannels + j], default);
        }
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    /// <summary>Tiles per block: V and M of one block take about 1 MB together.</summary>
    private int TilesPerBlock => Math.Max(8, 131072 / (Xi * Math.Max(InChannels, OutChannels)) / 8 * 8);

    /// <summary>
    /// output[N][H][W][Cout] = relu?(conv(input) + bias + residual?). <paramref name="residual"/> (same layout as the
    /// output, may be null) must not alias the output; the input must not alias either.
    /// </summary>
    public void Forward(float* input, int batch, int height, int width, float* output, float* residual, bool relu, ComputePool pool)
    {
        int tilesY = (height + 3) / 4, tilesX = (width + 3) / 4;
        int tiles = batch * tilesY * tilesX;
        int perBlock = TilesPerBlock;
        int blocks = (tiles + perBlock - 1) / perBlock;
        var job = new Job(input, batch, height, width, output, residual, relu, tilesY, tilesX, tiles);
        if (blocks >= pool.Threads || pool.Threads == 1)
        {
            if (blocks == 1 || pool.Threads == 1)
            {
                for (int b = 0; b < blocks; b++)
                {
                    Block(in job, b * perBlock, Math.Min(tiles, (b + 1) * perBlock));
                }
                return;
            }
            pool.Run(blocks, b => Block(in job, b * perBlock, Math.Min(tiles, (b + 1) * perBlock)));
            return;
        }
        // Few tiles (small batches): one block, each phase split over the threads.
        float* v = Scratch(tiles);
        float* m = v + (long)Xi * tiles * InChannels;
        nint vv = (nint)v, mm = (nint)m;
        pool.For(tiles, 1, (t0, t1) => InputTransform(in job, t0, t1, 0, (float*)vv, tiles));
        int slivers = _u[0].Slivers;
        pool.Run(Xi * slivers, task =>
        {
            int x = task / slivers, s = task % slivers;
            InferenceGemm.Rows(0, tiles, (float*)vv + (long)x * tiles * InChannels, InChannels, _u[x], s,
                (float*)mm + (long)x * tiles * OutChannels, OutChannels, false);
        });
        pool.For(tiles, 1, (t0, t1) => OutputTransform(in job, t0, t1, 0, (float*)mm, tiles));
    }

    private void Block(in Job job, int t0, int t1)
    {
        int count = t1 - t0;
        float* v = Scratch(count);
        float* m = v + (long)Xi * count * InChannels;
        InputTransform(in job, t0, t1, t0, v, count);
        for (int x = 0; x < Xi; x++)
        {
            float* vx = v + (long)x * count * InChannels;
            float* mx = m + (long)x * count * OutChannels;
            for (int s = 0; s < _u[x].Slivers; s++)
            {
                InferenceGemm.Rows(0, count, vx, InChannels, _u[x], s, mx, OutChannels, false);
            }
        }
        OutputTransform(in job, t0, t1, t0, m, count);
    }

    private float* Scratch(int tiles)
    {
        int need = Xi * tiles * (InChannels + OutChannels) + 16;
        if (t_scratch is null || t_scratch.Length < need)
        {
            t_scratch = GC.AllocateUninitializedArray<float>(need, pinned: true);
        }
        return (float*)(((nint)Unsafe.AsPointer(ref t_scratch[0]) + 63) & ~(nint)63);
    }

    /// <summary>V[ξ][t − base][c] = (Bᵀ d B)[ξ] for tiles [t0, t1), where ld is the tile count of the scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InputTransform(in Job job, int t0, int t1, int baseTile, float* v, int ld)
    {
        int cin = InChannels;
        long xiStride = (long)ld * cin;
        Vector512<float>* d = stackalloc Vector512<float>[Xi];
        Vector512<float> four = Vector512.Create(4f), five = Vector512.Create(5f), two = Vector512.Create(2f);
        for (int t = t0; t < t1; t++)
        {
            int img = t / (job.TilesY * job.TilesX), rem = t % (job.TilesY * job.TilesX);
            int y0 = rem / job.TilesX * 4 - 1, x0 = rem % job.TilesX * 4 - 1;
            float* imgBase = job.Input + (long)img * job.Height * job.Width * cin;
            float* dst = v + (long)(t - baseTile) * cin;
            for (int c = 0; c < cin; c += 16)
            {
                // 1. Gather the 6×6 tile (zero outside the board).
                for (int i = 0; i < Alpha; i++)
                {
                    int y = y0 + i;
                    bool rowIn = (uint)y < (uint)job.Height;
                    for (int j = 0; j < Alpha; j++)
                    {
                        int x = x0 + j;
                        d[i * Alpha + j] = rowIn && (uint)x < (uint)job.Width
                            ? Vector512.Load(imgBase + ((long)y * job.Width + x) * cin + c)
                            : Vector512<float>.Zero;
                    }
                }
                // 2. Columns: d ← Bᵀ d.
                for (int j = 0; j < Alpha; j++)
                {
                    Vector512<float> d0 = d[j], d1 = d[6 + j], d2 = d[12 + j], d3 = d[18 + j], d4 = d[24 + j], d5 = d[30 + j];
                    d[j] = four * d0 - five * d2 + d4;
                    d[6 + j] = d3 + d4 - four * (d1 + d2);
                    d[12 + j] = four * (d1 - d2) + d4 - d3;
                    d[18 + j] = two * (d3 - d1) + d4 - d2;
                    d[24 + j] = two * (d1 - d3) + d4 - d2;
                    d[30 + j] = four * d1 - five * d3 + d5;
                }
                // 3. Rows: V = (Bᵀ d) B, stored at ξ = 6i + j.
                for (int i = 0; i < Alpha; i++)
                {
                    Vector512<float> d0 = d[i * 6], d1 = d[i * 6 + 1], d2 = d[i * 6 + 2], d3 = d[i * 6 + 3], d4 = d[i * 6 + 4], d5 = d[i * 6 + 5];
                    float* o = dst + c + i * 6 * xiStride;
                    Vector512.Store(four * d0 - five * d2 + d4, o);
                    Vector512.Store(d3 + d4 - four * (d1 + d2), o + xiStride);
                    Vector512.Store(four * (d1 - d2) + d4 - d3, o + 2 * xiStride);
                    Vector512.Store(two * (d3 - d1) + d4 - d2, o + 3 * xiStride);
                    Vector512.Store(two * (d1 - d3) + d4 - d2, o + 4 * xiStride);
                    Vector512.Store(four * d1 - five * d3 + d5, o + 5 * xiStride);
                }
            }
        }
    }

    /// <summary>Y = Aᵀ M A + bias (+ residual, ReLU) for tiles [t0, t1), stored where the tile lies on the board.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OutputTransform(in Job job, int t0, int t1, int baseTile, float* m, int ld)
    {
        int cout = OutChannels;
        long xiStride = (long)ld * cout;
        Vector512<float>* s = stackalloc Vector512<float>[4 * Alpha];
        Vector512<float> two = Vector512.Create(2f), four = Vector512.Create(4f), eight = Vector512.Create(8f);
        fixed (float* bias = _bias)
        {
            for (int t = t0; t < t1; t++)
            {
                int img = t / (job.TilesY * job.TilesX), rem = t % (job.TilesY * job.TilesX);
                int y0 = rem / job.TilesX * 4, x0 = rem % job.TilesX * 4;
                int rows = Math.Min(4, job.Height - y0), cols = Math.Min(4, job.Width - x0);
                long imgOffset = (long)img * job.Height * job.Width * cout;
                float* src = m + (long)(t - baseTile) * cout;
                for (int c = 0; c < cout; c += 16)
                {
                    // 1. Columns: s[4][6] = Aᵀ M.
                    for (int j = 0; j < Alpha; j++)
                    {
                        float* p = src + c + j * xiStride;
                        Vector512<float> m0 = Vector512.Load(p), m1 = Vector512.Load(p + 6 * xiStride), m2 = Vector512.Load(p + 12 * xiStride);
                        Vector512<float> m3 = Vector512.Load(p + 18 * xiStride), m4 = Vector512.Load(p + 24 * xiStride), m5 = Vector512.Load(p + 30 * xiStride);
                        Vector512<float> a12 = m1 + m2, s12 = m1 - m2, a34 = m3 + m4, s34 = m3 - m4;
                        s[j] = m0 + a12 + a34;
                        s[6 + j] = s12 + two * s34;
                        s[12 + j] = a12 + four * a34;
                        s[18 + j] = s12 + eight * s34 + m5;
                    }
                    // 2. Rows: Y = s A, then bias, residual and ReLU, stored for the pixels on the board.
                    Vector512<float> b = Vector512.Load(bias + c);
                    for (int i = 0; i < rows; i++)
                    {
                        Vector512<float> m0 = s[i * 6], m1 = s[i * 6 + 1], m2 = s[i * 6 + 2], m3 = s[i * 6 + 3], m4 = s[i * 6 + 4], m5 = s[i * 6 + 5];
                        Vector512<float> a12 = m1 + m2, s12 = m1 - m2, a34 = m3 + m4, s34 = m3 - m4;
                        Vector512<float> y0v = m0 + a12 + a34 + b;
                        Vector512<float> y1v = s12 + two * s34 + b;
                        Vector512<float> y2v = a12 + four * a34 + b;
                        Vector512<float> y3v = s12 + eight * s34 + m5 + b;
                        long rowOffset = imgOffset + ((long)(y0 + i) * job.Width + x0) * cout + c;
                        Emit(job, rowOffset, 0, cols, cout, y0v);
                        Emit(job, rowOffset, 1, cols, cout, y1v);
                        Emit(job, rowOffset, 2, cols, cout, y2v);
                        Emit(job, rowOffset, 3, cols, cout, y3v);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Emit(in Job job, long rowOffset, int j, int cols, int cout, Vector512<float> y)
    {
        if (j >= cols)
        {
            return;
        }
        long at = rowOffset + (long)j * cout;
        if (job.Residual != null)
        {
            y += Vector512.Load(job.Residual + at);
        }
        if (job.Relu)
        {
            y = Vector512.Max(y, Vector512<float>.Zero);
        }
        Vector512.Store(y, job.Output + at);
    }

    private readonly struct Job(float* input, int batch, int height, int width, float* output, float* residual, bool relu, int tilesY, int tilesX, int tiles)
    {
        public readonly float* Input = input;
        public readonly int Batch = batch;
        public readonly int Height = height;
        public readonly int Width = width;
        public readonly float* Output = output;
        public readonly float* Residual = residual;
        public readonly bool Relu = relu;
        public readonly int TilesY = tilesY;
        public readonly int TilesX = tilesX;
        public readonly int Tiles = tiles;
    }
}
