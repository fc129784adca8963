namespace Zero.Rl.Tabular;

/// <summary>One outcome of taking an action in a finite MDP: next state, its probability and the reward of the transition (p(s′, r | s, a) with one reward per next state).</summary>
public readonly record struct Transition(int Next, double Probability, double Reward);
