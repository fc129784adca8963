using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// 3×3 convolution (stride 1, zero padding 1) by Winograd F(4×4, 3×3) on NHWC activations, with the bias, the
/// residual add and the ReLU fused into the output transform. It is the inference network's convolution for every
/// 3×3 layer whose channel counts are multiples of 16 (the residual tower; Inference/FusedConv calls it), and the
/// training convolution's (<see cref="Conv2dKernels"/>).
/// <para>
/// Each 6×6 input tile d (stride 4) becomes V = Bᵀ d B; each filter g becomes U = G g Gᵀ (once, at build time); the
/// 36 element positions ξ are 36 independent matrix products M[ξ] = V[ξ] · U[ξ] over the channels (rows: tiles,
/// K: input channels, N: output channels, run by <see cref="PackedGemm"/>); the 4×4 output tile is Aᵀ M A. That is
/// 36 multiply-adds per 16 outputs per channel pair instead of 144: 4× fewer (2.6× on a 6×7 board, whose 2×2 tiles
/// cover 8×8). Tiles are processed in blocks small enough that V and M stay in L2; blocks run in parallel.
/// </para>
/// <code>
/// V scratch: [36 ξ][tiles in block][Cin]     M scratch: [36 ξ][tiles in block][Cout]
/// </code>
/// Measured against im2col + the same GEMM, whole network, 1 thread, CPU time (loaded 2-core AMD EPYC Zen 4):
/// connect4 batch 32 4,430 vs 2,435 positions per cpu-second, batch 256 3,953 vs 2,351; go9 batch 32 2,076 vs 1,347;
/// chess batch 32 642 vs 246, batch 256 594 vs 249. At a connect4 batch of 1 (4 tiles) im2col wins, see FusedConv.
/// </summary>
internal sealed unsafe class WinogradConv3x3
{
    private const int Alpha = 6;
    private const int Xi = Alpha * Alpha;

    [ThreadStatic]
    private static float[]? t_scratch;

    private static readonly double[,] G =
    {
        { 1.0 / 4, 0, 0 },
        { -1.0 / 6, -1.0 / 6, -1.0 / 6 },
        { -1.0 / 6, 1.0 / 6, -1.0 / 6 },
        { 1.0 / 24, 1.0 / 12, 1.0 / 6 },
        { 1.0 / 24, -1.0 / 12, 1.0 / 6 },
        { 0, 0, 1 },
    };

    private readonly PackedMatrix[] _u;
    private readonly float[] _bias;

    /// <summary>Transforms the filters <paramref name="weight"/>[Cout][Cin][3][3] (BN already folded in).</summary>
    public WinogradConv3x3(int inChannels, int outChannels, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
        : this(inChannels, outChannels)
    {
        SetWeights(weight, bias, adjoint: false);
    }

    /// <summary>A convolution with zero filters, to be set with <see cref="SetWeights"/> before each use.</summary>
    public WinogradConv3x3(int inChannels, int outChannels)
    {
        if (inChannels % 16 != 0 || outChannels % 16 != 0)
        {
            throw new ArgumentException($"Winograd convolution needs channel counts that are multiples of 16; got {inChannels}→{outChannels}.");
        }
        InChannels = inChannels;
        OutChannels = outChannels;
        _bias = GC.AllocateArray<float>(outChannels, pinned: true);
        _u = new PackedMatrix[Xi];
        for (int x = 0; x < Xi; x++)
        {
            _u[x] = new PackedMatrix(inChannels, outChannels, keepPlain: false);
        }
    }

    /// <summary>
    /// U[ξ][ci][co] = (G g Gᵀ)[ξ], written straight into the packed slivers, 16 output channels per vector.
    /// g = weight[co][ci] ([Cout][Cin][3][3]); or, when <paramref name="adjoint"/>, the filter of the input-gradient
    /// convolution: weight is laid out [Cin][Cout][3][3] (the forward layer's [out][in]) and g[co][ci] is
    /// weight[ci][co] rotated by 180°. The training convolution calls this on every step, so it is vectorised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetWeights(ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool adjoint)
    {
        int inChannels = InChannels, outChannels = OutChannels;
        if (weight.Length < inChannels * outChannels * 9)
        {
            throw new ArgumentException($"Winograd filters need {inChannels * outChannels * 9} values; got {weight.Length}.");
        }
        if (bias.IsEmpty)
        {
            Array.Clear(_bias);
        }
        else
        {
            bias[..outChannels].CopyTo(_bias);
        }
        float* lanes = stackalloc float[16];
        Vector512<float>* g = stackalloc Vector512<float>[9];
        Vector512<float>* t = stackalloc Vector512<float>[Alpha * 3];
        var quarter = Vector512.Create(0.25f);
        var sixth = Vector512.Create(1f / 6);
        var twelfth = Vector512.Create(1f / 12);
        var twentyFourth = Vector512.Create(1f / 24);
        fixed (float* w = weight)
        {
            for (int ci = 0; ci < inChannels; ci++)
            {
                for (int co0 = 0; co0 < outChannels; co0 += 16)
                {
                    // 1. Gather the 16 filters g[q] (one lane per output channel).
                    for (int q = 0; q < 9; q++)
                    {
                        for (int l = 0; l < 16; l++)
                        {
                            int co = co0 + l;
                            lanes[l] = adjoint ? w[((long)ci * outChannels + co) * 9 + 8 - q] : w[((long)co * inChannels + ci) * 9 + q];
                        }
                        g[q] = Vector512.Load(lanes);
                    }
                    // 2. t = G g (6×3), rows of G: ¼[1 0 0], −⅙[1 1 1], −⅙[1 −1 1], [1/24 1/12 1/6], [1/24 −1/12 1/6], [0 0 1].
                    for (int j = 0; j < 3; j++)
                    {
                        Vector512<float> g0 = g[j], g1 = g[3 + j], g2 = g[6 + j];
                        t[j] = quarter * g0;
                        t[3 + j] = -sixth * (g0 + g1 + g2);
                        t[6 + j] = -sixth * (g0 - g1 + g2);
                        t[9 + j] = twentyFourth * g0 + twelfth * g1 + sixth * g2;
                        t[12 + j] = twentyFourth * g0 - twelfth * g1 + sixth * g2;
                        t[15 + j] = g2;
                    }
                    // 3. U = t Gᵀ (6×6), stored at ξ = 6i + j in the packed sliver of these 16 output channels.
                    long offset = (long)ci * PackedMatrix.SliverWidth + co0 % PackedMatrix.SliverWidth;
                    int sliver = co0 / PackedMatrix.SliverWidth;
                    for (int i = 0; i < Alpha; i++)
                    {
                        Vector512<float> t0 = t[i * 3], t1 = t[i * 3 + 1], t2 = t[i * 3 + 2];
                        Vector512.Store(quarter * t0, _u[i * 6].Sliver(sliver) + offset);
                        Vector512.Store(-sixth * (t0 + t1 + t2), _u[i * 6 + 1].Sliver(sliver) + offset);
                        Vector512.Store(-sixth * (t0 - t1 + t2), _u[i * 6 + 2].Sliver(sliver) + offset);
                        Vector512.Store(twentyFourth * t0 + twelfth * t1 + sixth * t2, _u[i * 6 + 3].Sliver(sliver) + offset);
                        Vector512.Store(twentyFourth * t0 - twelfth * t1 + sixth * t2, _u[i * 6 + 4].Sliver(sliver) + offset);
                        Vector512.Store(t2, _u[i * 6 + 5].Sliver(sliver) + offset);
                    }
                }
            }
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
        var job = new Job(input, batch, height, width, output, residual, relu, tilesY, tilesX, tiles);
        if (pool.Threads == 1 || tiles >= 8 * pool.Threads)
        {
            // Blocks of at most TilesPerBlock tiles, their count a multiple of the thread count so no thread idles
            // at the end (3 blocks on 2 threads would cost a third of the time).
            int blocks = (tiles + TilesPerBlock - 1) / TilesPerBlock;
            blocks = (blocks + pool.Threads - 1) / pool.Threads * pool.Threads;
            int perBlock = Math.Max(8, ((tiles + blocks - 1) / blocks + 7) / 8 * 8);
            blocks = (tiles + perBlock - 1) / perBlock;
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
            PackedGemm.Rows(0, tiles, (float*)vv + (long)x * tiles * InChannels, InChannels, _u[x], s,
                (float*)mm + (long)x * tiles * OutChannels, OutChannels, false);
        });
        pool.For(tiles, 1, (t0, t1) => OutputTransform(in job, t0, t1, 0, (float*)mm, tiles));
    }

    /// <summary>Tile count of an N×H×W batch (4×4 output tiles).</summary>
    public static int TileCount(int batch, int height, int width) => batch * ((height + 3) / 4) * ((width + 3) / 4);

    /// <summary>V[ξ][t − t0][ci] = (Bᵀ d B)[ξ] of input (NHWC, InChannels) for tiles [t0, t1); ld = tiles per ξ in v.</summary>
    public void TransformInput(float* input, int batch, int height, int width, int t0, int t1, float* v, int ld)
    {
        var job = new Job(input, batch, height, width, null, null, false, (height + 3) / 4, (width + 3) / 4, TileCount(batch, height, width));
        InputTransform(in job, t0, t1, t0, v, ld);
    }

    /// <summary>
    /// The adjoint of the output transform, for the weight gradient: gM[ξ][t − t0][c] = (A gY Aᵀ)[ξ] where gY is the
    /// 4×4 tile of the output gradient (NHWC, <paramref name="channels"/>), zero off the board.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TransformGradOutput(float* gradOutput, int channels, int batch, int height, int width, int t0, int t1, float* gm, int ld)
    {
        int tilesY = (height + 3) / 4, tilesX = (width + 3) / 4;
        long xiStride = (long)ld * channels;
        Vector512<float>* s = stackalloc Vector512<float>[Alpha * 4];
        Vector512<float>* g = stackalloc Vector512<float>[16];
        Vector512<float> two = Vector512.Create(2f), four = Vector512.Create(4f), eight = Vector512.Create(8f);
        for (int t = t0; t < t1; t++)
        {
            int img = t / (tilesY * tilesX), rem = t % (tilesY * tilesX);
            int y0 = rem / tilesX * 4, x0 = rem % tilesX * 4;
            float* imgBase = gradOutput + (long)img * height * width * channels;
            float* dst = gm + (long)(t - t0) * channels;
            for (int c = 0; c < channels; c += 16)
            {
                // 1. Gather the 4×4 gradient tile.
                for (int r = 0; r < 4; r++)
                {
                    for (int q = 0; q < 4; q++)
                    {
                        int y = y0 + r, x = x0 + q;
                        g[r * 4 + q] = y < height && x < width ? Vector512.Load(imgBase + ((long)y * width + x) * channels + c) : Vector512<float>.Zero;
                    }
                }
                // 2. Columns: s[6][4] = A gY.
                for (int q = 0; q < 4; q++)
                {
                    Vector512<float> y0v = g[q], y1v = g[4 + q], y2v = g[8 + q], y3v = g[12 + q];
                    s[q] = y0v;
                    s[4 + q] = y0v + y1v + y2v + y3v;
                    s[8 + q] = y0v - y1v + y2v - y3v;
                    s[12 + q] = y0v + two * y1v + four * y2v + eight * y3v;
                    s[16 + q] = y0v - two * y1v + four * y2v - eight * y3v;
                    s[20 + q] = y3v;
                }
                // 3. Rows: gM = s Aᵀ, stored at ξ = 6i + j.
                for (int i = 0; i < Alpha; i++)
                {
                    Vector512<float> y0v = s[i * 4], y1v = s[i * 4 + 1], y2v = s[i * 4 + 2], y3v = s[i * 4 + 3];
                    float* o = dst + c + i * 6 * xiStride;
                    Vector512.Store(y0v, o);
                    Vector512.Store(y0v + y1v + y2v + y3v, o + xiStride);
                    Vector512.Store(y0v - y1v + y2v - y3v, o + 2 * xiStride);
                    Vector512.Store(y0v + two * y1v + four * y2v + eight * y3v, o + 3 * xiStride);
                    Vector512.Store(y0v - two * y1v + four * y2v - eight * y3v, o + 4 * xiStride);
                    Vector512.Store(y3v, o + 5 * xiStride);
                }
            }
        }
    }

    /// <summary>
    /// gradWeight[co][ci][3][3] (+)= Gᵀ gU[·][ci][co] G, the adjoint of the filter transform; gU is [36][Cin][Cout]
    /// (Cout a multiple of 16). Vectorised over 16 output channels.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WeightGradientFromTransformed(float* gu, int inChannels, int outChannels, Span<float> gradWeight, bool accumulate)
    {
        long xiStride = (long)inChannels * outChannels;
        Vector512<float>* t = stackalloc Vector512<float>[3 * Alpha];
        float* lanes = stackalloc float[16];
        var quarter = Vector512.Create(0.25f);
        var sixth = Vector512.Create(1f / 6);
        var twelfth = Vector512.Create(1f / 12);
        var twentyFourth = Vector512.Create(1f / 24);
        fixed (float* gw = gradWeight)
        {
            for (int ci = 0; ci < inChannels; ci++)
            {
                for (int co0 = 0; co0 < outChannels; co0 += 16)
                {
                    float* u = gu + (long)ci * outChannels + co0;
                    // 1. t[ky][j] = Σ_i G[i][ky] gU[6i + j] (Gᵀ from the left), columns j = 0..5.
                    for (int j = 0; j < Alpha; j++)
                    {
                        Vector512<float> u0 = Vector512.Load(u + j * xiStride), u1 = Vector512.Load(u + (6 + j) * xiStride);
                        Vector512<float> u2 = Vector512.Load(u + (12 + j) * xiStride), u3 = Vector512.Load(u + (18 + j) * xiStride);
                        Vector512<float> u4 = Vector512.Load(u + (24 + j) * xiStride), u5 = Vector512.Load(u + (30 + j) * xiStride);
                        t[j] = quarter * u0 - sixth * (u1 + u2) + twentyFourth * (u3 + u4);
                        t[Alpha + j] = sixth * (u2 - u1) + twelfth * (u3 - u4);
                        t[2 * Alpha + j] = sixth * (u3 + u4 - u1 - u2) + u5;
                    }
                    // 2. r[ky][kx] = Σ_j t[ky][j] G[j][kx], scattered to the 16 filters.
                    for (int ky = 0; ky < 3; ky++)
                    {
                        Vector512<float> t0 = t[ky * Alpha], t1 = t[ky * Alpha + 1], t2 = t[ky * Alpha + 2];
                        Vector512<float> t3 = t[ky * Alpha + 3], t4 = t[ky * Alpha + 4], t5 = t[ky * Alpha + 5];
                        Vector512<float> r0 = quarter * t0 - sixth * (t1 + t2) + twentyFourth * (t3 + t4);
                        Vector512<float> r1 = sixth * (t2 - t1) + twelfth * (t3 - t4);
                        Vector512<float> r2 = sixth * (t3 + t4 - t1 - t2) + t5;
                        Scatter(gw, r0, co0, ci, inChannels, ky * 3, accumulate, lanes);
                        Scatter(gw, r1, co0, ci, inChannels, ky * 3 + 1, accumulate, lanes);
                        Scatter(gw, r2, co0, ci, inChannels, ky * 3 + 2, accumulate, lanes);
                    }
                }
            }
        }
    }

    private static void Scatter(float* gw, Vector512<float> r, int co0, int ci, int inChannels, int tap, bool accumulate, float* lanes)
    {
        Vector512.Store(r, lanes);
        for (int l = 0; l < 16; l++)
        {
            float* d = gw + ((long)(co0 + l) * inChannels + ci) * 9 + tap;
            *d = accumulate ? *d + lanes[l] : lanes[l];
        }
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
                PackedGemm.Rows(0, count, vx, InChannels, _u[x], s, mx, OutChannels, false);
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
