using System.Runtime.CompilerServices;

namespace Zero.Engine.Kernels;

/// <summary>
/// Single-precision matrix multiply, the workhorse of every linear layer and convolution (engine-core's Linear and
/// Conv2d, <see cref="Conv2dKernels"/>, the fused inference network).
/// <para>
/// Row-major: C[m×n] (+)= op(A)[m×k] · op(B)[k×n], op = transpose when asked. The classic packed, cache-blocked
/// scheme (Goto/BLIS):
/// <code>
/// for jc in columns of C, NC at a time            B panel  KC×NC packed into NR-wide slivers (L2/L3)
///   for pc in k, KC at a time
///     pack B[pc.., jc..]
///     for ic in rows of C, MC at a time           A block  MC×KC packed into MR-tall slivers (L2)
///       pack A[ic.., pc..]
///       for jr, ir: micro-kernel MR×NR            C tile in registers, one B sliver hot in L1
/// </code>
/// The micro-kernel is 8×32 with Vector512 + FMA (16 accumulators), 6×16 with Vector256 + FMA, 6×8 with Vector128 and
/// 4×4 scalar; each is checked against a scalar triple loop in the tests (Kernels/GemmTests). Work is split into blocks of rows and
/// columns run on the <see cref="ComputePool"/>'s threads; each thread packs into its own pinned, 64-byte aligned
/// buffers. Figures: <c>zero bench nn</c> (GEMM GFLOP/s at 256/512/1024).
/// </para>
/// </summary>
public static unsafe class Gemm
{
    private const int KC = 256;
    private const int MC = 96;
    private const int NC = 2048;
    private const long ParallelThreshold = 1L << 17;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// C[m×n] = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>. Row-major with leading
    /// dimensions lda, ldb, ldc (row strides of the stored matrices). Runs on <paramref name="pool"/>'s threads when the
    /// product is large enough to gain from it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a leading dimension is too small.</exception>
    /// <exception cref="ArgumentException">A span is too short for the sizes and leading dimensions given.</exception>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate, ComputePool? pool = null)
        => Sgemm(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, pool, GemmIsaSupport.Best);

    /// <summary>As the public overload, with the micro-kernel's vector width forced (tests run each level).</summary>
    internal static void Sgemm(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate, ComputePool? pool, GemmIsa isa)
    {
        Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            if (k == 0)
            {
                if (!accumulate)
                {
                    for (int i = 0; i < m; i++)
                    {
                        new Span<float>(pc + (long)i * ldc, n).Clear();
                    }
                }
                return;
            }
            var job = new Job(transA, transB, m, n, k, pa, lda, pb, ldb, pc, ldc, accumulate, isa);
            pool ??= ComputePool.Sequential;
            if (pool.Threads == 1 || (long)m * n * k < ParallelThreshold)
            {
                Compute(in job, 0, m, 0, n);
                return;
            }
            RunParallel(job, pool);
        }
    }

    internal static void Validate(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM sizes must be non-negative (m={m}, n={n}, k={k}).");
        }
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        if (lda < Math.Max(1, aCols) || ldb < Math.Max(1, bCols) || ldc < Math.Max(1, n))
        {
            throw new ArgumentOutOfRangeException(nameof(lda),
                $"GEMM leading dimensions too small: lda={lda} (needs ≥ {aCols}), ldb={ldb} (needs ≥ {bCols}), ldc={ldc} (needs ≥ {n}).");
        }
        CheckLength("A", aLength, aRows, aCols, lda);
        CheckLength("B", bLength, bRows, bCols, ldb);
        CheckLength("C", cLength, m, n, ldc);
    }

    private static void CheckLength(string name, int length, int rows, int cols, int ld)
    {
        if (rows == 0 || cols == 0)
        {
            return;
        }
        long need = (long)(rows - 1) * ld + cols;
        if (length < need)
        {
            throw new ArgumentException($"GEMM matrix {name} ({rows}×{cols}, leading dimension {ld}) needs {need} floats but the span holds {length}.");
        }
    }

    private static void RunParallel(Job job, ComputePool pool)
    {
        // 1. Cut C into a grid of blocks, preferring column cuts (each block then packs all of A, which is the small
        //    operand in convolutions) and cutting rows too when there are few columns.
        (int mr, int nr) = TileOf(job.Isa);
        int tilesM = (job.M + mr - 1) / mr;
        int tilesN = (job.N + nr - 1) / nr;
        int target = pool.Threads * 3;
        int splitN = Math.Min(tilesN, target);
        int splitM = Math.Min(tilesM, Math.Max(1, (target + splitN - 1) / splitN));
        if (splitN * splitM < pool.Threads && tilesM > splitM)
        {
            splitM = Math.Min(tilesM, (pool.Threads + splitN - 1) / splitN);
        }
        // 2. Run the blocks; block boundaries fall on tile multiples so only the last block has partial tiles.
        pool.Run(splitN * splitM, t =>
        {
            int bm = t / splitN, bn = t % splitN;
            int i0 = (int)((long)tilesM * bm / splitM) * mr, i1 = Math.Min(job.M, (int)((long)tilesM * (bm + 1) / splitM) * mr);
            int j0 = (int)((long)tilesN * bn / splitN) * nr, j1 = Math.Min(job.N, (int)((long)tilesN * (bn + 1) / splitN) * nr);
            if (i0 < i1 && j0 < j1)
            {
                Compute(in job, i0, i1, j0, j1);
            }
        });
    }

    internal static (int Mr, int Nr) TileOf(GemmIsa isa) => isa switch
    {
        GemmIsa.Vector512 => (8, 32),
        GemmIsa.Vector256 => (6, 16),
        GemmIsa.Vector128 => (6, 8),
        _ => (4, 4),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compute(in Job job, int i0, int i1, int j0, int j1)
    {
        (int mr, int nr) = TileOf(job.Isa);
        delegate*<int, float*, float*, float*, int, bool, void> kernel = job.Isa switch
        {
            GemmIsa.Vector512 => &GemmMicroKernels.Kernel512,
            GemmIsa.Vector256 => &GemmMicroKernels.Kernel256,
            GemmIsa.Vector128 => &GemmMicroKernels.Kernel128,
            _ => &GemmMicroKernels.KernelScalar,
        };
        Scratch scratch = t_scratch ??= new Scratch();
        int ncMax = Math.Min(NC, RoundUp(j1 - j0, nr));
        float* packA = scratch.A(MC * KC);
        float* packB = scratch.B(KC * ncMax);
        float* tile = scratch.Tile();
        for (int jc = j0; jc < j1; jc += NC)
        {
            int nc = Math.Min(NC, j1 - jc);
            for (int pc = 0; pc < job.K; pc += KC)
            {
                int kc = Math.Min(KC, job.K - pc);
                bool overwrite = pc == 0 && !job.Accumulate;
                PackB(in job, pc, kc, jc, nc, nr, packB);
                for (int ic = i0; ic < i1; ic += MC)
                {
                    int mc = Math.Min(MC, i1 - ic);
                    PackA(in job, ic, mc, pc, kc, mr, packA);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int nrEff = Math.Min(nr, nc - jr);
                        float* bSliver = packB + (long)jr * kc;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int mrEff = Math.Min(mr, mc - ir);
                            float* aSliver = packA + (long)ir * kc;
                            float* cTile = job.C + (long)(ic + ir) * job.Ldc + jc + jr;
                            if (mrEff == mr && nrEff == nr)
                            {
                                kernel(kc, aSliver, bSliver, cTile, job.Ldc, overwrite);
                            }
                            else
                            {
                                kernel(kc, aSliver, bSliver, tile, nr, true);
                                for (int r = 0; r < mrEff; r++)
                                {
                                    float* src = tile + r * nr;
                                    float* dst = cTile + (long)r * job.Ldc;
                                    for (int j = 0; j < nrEff; j++)
                                    {
                                        dst[j] = overwrite ? src[j] : dst[j] + src[j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into MR-tall slivers: sliver s holds, per k step, its MR rows (zero-padded).</summary>
    private static void PackA(in Job job, int ic, int mc, int pc, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* sliver = dst + (long)ir * kc;
            if (job.TransA)
            {
                // A stored k×m: op(A)(i, p) = a[p*lda + i]; each k step is a contiguous run of rows.
                float* src = job.A + (long)pc * job.Lda + ic + ir;
                for (int p = 0; p < kc; p++)
                {
                    float* s = src + (long)p * job.Lda;
                    float* d = sliver + p * mr;
                    int r = 0;
                    for (; r < rows; r++)
                    {
                        d[r] = s[r];
                    }
                    for (; r < mr; r++)
                    {
                        d[r] = 0f;
                    }
                }
            }
            else
            {
                float* src = job.A + (long)(ic + ir) * job.Lda + pc;
                for (int r = 0; r < mr; r++)
                {
                    float* d = sliver + r;
                    if (r < rows)
                    {
                        float* s = src + (long)r * job.Lda;
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * mr] = s[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * mr] = 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into NR-wide slivers: sliver s holds, per k step, its NR columns (zero-padded).</summary>
    private static void PackB(in Job job, int pc, int kc, int jc, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* sliver = dst + (long)jr * kc;
            if (!job.TransB)
            {
                // B stored k×n: each k step is a contiguous run of columns.
                float* src = job.B + (long)pc * job.Ldb + jc + jr;
                for (int p = 0; p < kc; p++)
                {
                    float* s = src + (long)p * job.Ldb;
                    float* d = sliver + p * nr;
                    if (cols == nr)
                    {
                        Buffer.MemoryCopy(s, d, nr * sizeof(float), nr * sizeof(float));
                    }
                    else
                    {
                        int j = 0;
                        for (; j < cols; j++)
                        {
                            d[j] = s[j];
                        }
                        for (; j < nr; j++)
                        {
                            d[j] = 0f;
                        }
                    }
                }
            }
            else
            {
                // B stored n×k: op(B)(p, j) = b[j*ldb + p].
                float* src = job.B + (long)(jc + jr) * job.Ldb + pc;
                for (int j = 0; j < nr; j++)
                {
                    float* d = sliver + j;
                    if (j < cols)
                    {
                        float* s = src + (long)j * job.Ldb;
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * nr] = s[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            d[p * nr] = 0f;
                        }
                    }
                }
            }
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>The operands of one call, as raw pointers so parallel blocks can share them (the caller keeps them pinned).</summary>
    private readonly struct Job(bool transA, bool transB, int m, int n, int k, float* a, int lda, float* b, int ldb, float* c, int ldc, bool accumulate, GemmIsa isa)
    {
        public readonly bool TransA = transA;
        public readonly bool TransB = transB;
        public readonly int M = m;
        public readonly int N = n;
        public readonly int K = k;
        public readonly float* A = a;
        public readonly int Lda = lda;
        public readonly float* B = b;
        public readonly int Ldb = ldb;
        public readonly float* C = c;
        public readonly int Ldc = ldc;
        public readonly bool Accumulate = accumulate;
        public readonly GemmIsa Isa = isa;
    }

    /// <summary>Per-thread packing buffers: pinned, 64-byte aligned, grown on demand and kept for the thread's life.</summary>
    private sealed class Scratch
    {
        private float[] _a = [];
        private float[] _b = [];
        private readonly float[] _tile = GC.AllocateArray<float>(8 * 32 + 16, pinned: true);

        public float* A(int length) => Aligned(ref _a, length);

        public float* B(int length) => Aligned(ref _b, length);

        public float* Tile() => AlignUp((float*)Unsafe.AsPointer(ref _tile[0]));

        private static float* Aligned(ref float[] buffer, int length)
        {
            if (buffer.Length < length + 16)
            {
                buffer = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
            }
            return AlignUp((float*)Unsafe.AsPointer(ref buffer[0]));
        }

        private static float* AlignUp(float* p) => (float*)(((nint)p + 63) & ~(nint)63);
    }
}
