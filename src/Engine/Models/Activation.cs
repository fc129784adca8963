namespace Zero.Engine.Models;

/// <summary>Hidden-layer activation of an <see cref="Mlp"/>.</summary>
public enum Activation
{
    Tanh,
    Relu,
}
