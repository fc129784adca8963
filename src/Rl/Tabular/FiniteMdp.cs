namespace Zero.Rl.Tabular;

/// <summary>
/// A finite MDP given by its full model p(s′, r | s, a), as in Sutton &amp; Barto ch. 3–4: states and actions are
/// indices with names; <c>Transitions(s, a)</c> is null where action a is not available in s; a state with no
/// available action is terminal (value 0). Built by <see cref="RecyclingRobot"/> and <see cref="Gridworld"/>;
/// solved by <see cref="DynamicProgramming"/>, sampled by <see cref="TabularLearning"/>.
/// </summary>
public sealed class FiniteMdp
{
    private readonly Transition[]?[][] _model;

    /// <summary>
    /// Creates an MDP from <paramref name="model"/>[s][a] = outcomes (null: not available). Throws
    /// <see cref="ArgumentException"/> when probabilities do not sum to 1 or a next state is out of range.
    /// </summary>
    public FiniteMdp(IReadOnlyList<string> stateNames, IReadOnlyList<string> actionNames, Transition[]?[][] model)
    {
        if (model.Length != stateNames.Count)
        {
            throw new ArgumentException($"The model has {model.Length} states but {stateNames.Count} state names.", nameof(model));
        }
        for (int s = 0; s < model.Length; s++)
        {
            if (model[s].Length != actionNames.Count)
            {
                throw new ArgumentException($"State {stateNames[s]} lists {model[s].Length} actions; give one entry (null if unavailable) per action name ({actionNames.Count}).", nameof(model));
            }
            for (int a = 0; a < model[s].Length; a++)
            {
                if (model[s][a] is not { } outcomes)
                {
                    continue;
                }
                double total = 0;
                foreach (Transition t in outcomes)
                {
                    if (t.Next < 0 || t.Next >= model.Length || t.Probability < 0)
                    {
                        throw new ArgumentException($"Transition {stateNames[s]} --{actionNames[a]}--> {t.Next} has a bad next state or a negative probability.", nameof(model));
                    }
                    total += t.Probability;
                }
                if (Math.Abs(total - 1) > 1e-9)
                {
                    throw new ArgumentException($"The probabilities of {stateNames[s]} --{actionNames[a]}--> sum to {total}, not 1.", nameof(model));
                }
            }
        }
        StateNames = stateNames;
        ActionNames = actionNames;
        _model = model;
    }

    /// <summary>State names (index = state).</summary>
    public IReadOnlyList<string> StateNames { get; }

    /// <summary>Action names (index = action).</summary>
    public IReadOnlyList<string> ActionNames { get; }

    /// <summary>Number of states.</summary>
    public int StateCount => _model.Length;

    /// <summary>Number of actions (some may be unavailable in some states).</summary>
    public int ActionCount => ActionNames.Count;

    /// <summary>Outcomes of action a in state s, or null when a is not available there.</summary>
    public Transition[]? Transitions(int s, int a) => _model[s][a];

    /// <summary>True when action a is available in state s.</summary>
    public bool IsAvailable(int s, int a) => _model[s][a] is not null;

    /// <summary>True when no action is available (terminal, value 0).</summary>
    public bool IsTerminal(int s) => Array.TrueForAll(_model[s], o => o is null);

    /// <summary>Draws a next state and reward for (s, a). Throws <see cref="InvalidOperationException"/> when a is unavailable.</summary>
    public (int Next, double Reward) Sample(int s, int a, RandomSource random)
    {
        Transition[] outcomes = _model[s][a] ?? throw new InvalidOperationException($"Action {ActionNames[a]} is not available in state {StateNames[s]}.");
        double u = random.NextDouble();
        foreach (Transition t in outcomes)
        {
            u -= t.Probability;
            if (u < 0)
            {
                return (t.Next, t.Reward);
            }
        }
        Transition last = outcomes[^1];
        return (last.Next, last.Reward);
    }

    /// <summary>Expected one-step backup Σ p·(r + γ·V(s′)) for (s, a).</summary>
    public double Backup(int s, int a, ReadOnlySpan<double> v, double gamma)
    {
        double q = 0;
        foreach (Transition t in _model[s][a]!)
        {
            q += t.Probability * (t.Reward + (gamma * v[t.Next]));
        }
        return q;
    }
}
