namespace Zero.Rl.Algorithms;

/// <summary>
/// Exploration noise for deterministic actors (DDPG, TD3), as SB3's action_noise in the [−1, 1] action space:
/// "normal" draws N(0, σ²) each step; "ornstein-uhlenbeck" is SB3's OrnsteinUhlenbeckActionNoise, x ← x + θ(μ − x)dt +
/// σ√dt·N(0, 1) with θ 0.15, dt 0.01, μ 0, temporally correlated so a push persists (what MountainCarContinuous needs),
/// restarted at 0 when an episode ends; "none" adds nothing. Called once per environment step; allocates nothing.
/// </summary>
public sealed class ActionNoise
{
    private const double Theta = 0.15, Dt = 1e-2;
    private readonly double[] _state;
    private readonly double _sigma;
    private readonly bool _ou;
    private readonly bool _none;

    /// <summary>Creates the noise of <paramref name="type"/> for <paramref name="size"/> action dimensions. Throws <see cref="ZeroException"/> for an unknown type.</summary>
    public ActionNoise(string type, double sigma, int size)
    {
        _none = type == "none";
        _ou = type == "ornstein-uhlenbeck";
        if (!_none && !_ou && type != "normal")
        {
            throw new ZeroException($"noise_type '{type}' is not known: use \"normal\", \"ornstein-uhlenbeck\" or \"none\".");
        }
        _sigma = sigma;
        _state = new double[size];
    }

    /// <summary>Adds one draw of the noise to <paramref name="action"/>.</summary>
    public void Add(RandomSource random, Span<float> action)
    {
        if (_none)
        {
            return;
        }
        for (int j = 0; j < action.Length; j++)
        {
            double n = random.NextNormal();
            if (_ou)
            {
                _state[j] += (Theta * -_state[j] * Dt) + (_sigma * Math.Sqrt(Dt) * n);
                action[j] += (float)_state[j];
            }
            else
            {
                action[j] += (float)(_sigma * n);
            }
        }
    }

    /// <summary>Restarts the Ornstein–Uhlenbeck process at 0 (an episode ended).</summary>
    public void Reset() => Array.Clear(_state);
}
