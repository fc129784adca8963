namespace Zero.Search.Mcts;

/// <summary>
/// The search's parameters, fixed for the life of a <see cref="PuctSearch{TGame,TMove}"/>. Defaults follow the
/// AlphaZero pseudocode where it has one; each member says where it differs. The numbers front-ends expose are declared
/// once in <see cref="SearchParameters"/> (default, range, help), which this record takes its defaults and checks from.
/// </summary>
/// <remarks>
/// | member             | default       | meaning                                                                 |
/// |--------------------|---------------|-------------------------------------------------------------------------|
/// | CBase, CInit       | 19652, 1.25   | C(s) = ln((1 + N + c_base) / c_base) + c_init                            |
/// | Fpu, FpuValue      | Absolute 0    | unvisited child: a fixed value (AlphaZero: 0, a draw), or parent Q − v·√(visited prior) |
/// | PolicyTemperature  | 1             | softmax temperature over the legal moves' logits                        |
/// | Noise              | false         | Dirichlet noise at the root (self-play turns it on)                     |
/// | DirichletAlpha     | 0.3           | ≈ 10 / typical number of legal moves                                    |
/// | NoiseFraction      | 0.25          | P ← (1 − ε)·P + ε·η                                                      |
/// | Temperature        | 1             | move choice ∝ N^(1/T) for the first TemperatureMoves plies               |
/// | TemperatureMoves   | 0             | plies (from the game's start) that sample; afterwards the most visited |
/// | Threads            | 1             | search threads, each gathering BatchSize leaves per evaluator call      |
/// | BatchSize          | 16            | leaves per gather (virtual loss spreads them)                           |
/// | MaxCollisions      | 0 → BatchSize | selections of an in-flight leaf tolerated per gather before evaluating  |
/// | MaxNodes           | 4 Mi          | hard cap on tree nodes (32 bytes + a move each)                         |
/// | OnMemoryFull       | KeepSearching | or Stop and report                                                      |
/// | SmartPruningFactor | 0 (off)       | stop when no move can overtake the best in remaining/factor playouts    |
/// | ReuseTree          | true          | keep the subtree of the position reached                                |
/// | Solver             | true          | prove wins, losses and draws in the tree and play by the proof (MCTS-solver) |
/// | Seed               | 0             | seeds the root noise and move sampling                                  |
/// </remarks>
public sealed record MctsOptions
{
    /// <summary>The most search threads <see cref="Validate"/> accepts; front-ends declare their flags with it.</summary>
    public const int MaxThreads = 256;

    /// <summary>The largest leaf batch per thread <see cref="Validate"/> accepts.</summary>
    public const int MaxBatchSize = 65536;

    public double CBase { get; init; } = SearchParameters.CBase.Default;
    public double CInit { get; init; } = SearchParameters.CInit.Default;
    /// <summary>
    /// First-play urgency. AlphaZero's fixed 0 for every front-end that plays a network or rollouts (analyze, self-play,
    /// eval, match, play): Lc0's reduction (parent Q − 0.25·√visited prior) never visits a move the policy missed, and
    /// missed a one-move vertical win against alpha-beta depth 4; with 0, `zero match connect4 net alphabeta:4` went from
    /// +86 =3 −11 to +92 =2 −6; with the MCTS-solver on, the reduction still scored no better (+89 =3 −8 against 0's
    /// +91 =3 −6). The UCI chess engine keeps the reduction (its FpuReduction option), and so does the rollout `mcts:N` player.
    /// </summary>
    public FpuMode Fpu { get; init; } = FpuMode.Absolute;
    public float FpuValue { get; init; } = (float)SearchParameters.FpuValue.Default;
    public float PolicyTemperature { get; init; } = (float)SearchParameters.PolicyTemperature.Default;
    public bool Noise { get; init; }
    public double DirichletAlpha { get; init; } = SearchParameters.DirichletAlpha.Default;
    public float NoiseFraction { get; init; } = (float)SearchParameters.NoiseFraction.Default;
    public double Temperature { get; init; } = 1.0;
    public int TemperatureMoves { get; init; }
    public int Threads { get; init; } = (int)SearchParameters.Threads.Default;
    public int BatchSize { get; init; } = (int)SearchParameters.BatchSize.Default;
    public int MaxCollisions { get; init; }
    public int MaxNodes { get; init; } = 4 << 20;
    public MemoryFullBehavior OnMemoryFull { get; init; } = MemoryFullBehavior.KeepSearching;
    public double SmartPruningFactor { get; init; } = SearchParameters.SmartPruningFactor.Default;
    public bool ReuseTree { get; init; } = true;

    /// <summary>
    /// MCTS-solver (Winands, Björnsson and Saito 2008; Lc0's certainty propagation): terminal leaves and, in backup,
    /// nodes with a winning child or only proven children get an exact result; selection then takes a proven win, never
    /// a proven loss while another move is open, and stops at proven nodes (backing up their exact value); the best
    /// move is a proven win (the shortest) before any visit count and a proven loss (the longest) only when nothing
    /// else is left. False gives the plain AlphaZero search.
    /// </summary>
    public bool Solver { get; init; } = true;
    public int Seed { get; init; }

    /// <summary>Selections of in-flight leaves tolerated per gather (<see cref="MaxCollisions"/>, or BatchSize when 0).</summary>
    public int CollisionLimit => MaxCollisions > 0 ? MaxCollisions : BatchSize;

    /// <exception cref="ArgumentException">A member is out of range; the message names it and its range (from <see cref="SearchParameters"/>).</exception>
    public void Validate()
    {
        static void Require(string? problem)
        {
            if (problem is not null)
            {
                throw new ArgumentException(problem);
            }
        }
        Require(SearchParameters.CBase.Check(CBase, nameof(CBase)));
        Require(SearchParameters.CInit.Check(CInit, nameof(CInit)));
        Require(Fpu == FpuMode.Absolute ? SearchParameters.FpuValue.Check(FpuValue, nameof(FpuValue)) : SearchParameters.FpuReduction.Check(FpuValue, nameof(FpuValue)));
        Require(SearchParameters.PolicyTemperature.Check(PolicyTemperature, nameof(PolicyTemperature)));
        Require(SearchParameters.DirichletAlpha.Check(DirichletAlpha, nameof(DirichletAlpha)));
        Require(SearchParameters.NoiseFraction.Check(NoiseFraction, nameof(NoiseFraction)));
        Require(Temperature >= 0 && double.IsFinite(Temperature) ? null : $"Temperature must not be negative (got {Temperature})");
        Require(SearchParameters.Threads.Check(Threads, nameof(Threads)));
        Require(SearchParameters.BatchSize.Check(BatchSize, nameof(BatchSize)));
        Require(MaxCollisions >= 0 ? null : $"MaxCollisions must not be negative (got {MaxCollisions})");
        Require(MaxNodes >= 2 ? null : $"MaxNodes must be at least 2 (got {MaxNodes})");
        Require(SearchParameters.SmartPruningFactor.Check(SmartPruningFactor, nameof(SmartPruningFactor)));
    }
}
