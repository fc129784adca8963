namespace Zero.Rl.Networks;

/// <summary>The hidden-layer non-linearity of an <see cref="Mlp"/> (SB3: Tanh for PPO, ReLU for DQN and SAC).</summary>
public enum Activation
{
    /// <summary>tanh(x); derivative 1 − y².</summary>
    Tanh,

    /// <summary>max(x, 0); derivative 1 where y &gt; 0.</summary>
    ReLU,
}
