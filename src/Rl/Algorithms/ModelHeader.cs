using System.Text.Json;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Algorithms;

/// <summary>
/// The JSON header of a model file: which algorithm and environment, the full config, the observation
/// normalisation statistics (null when off), the network shapes and the environment steps trained.
/// </summary>
public sealed record ModelHeader(
    string Algorithm,
    string Environment,
    JsonElement Config,
    NormalizationState? Normalization,
    Dictionary<string, int[]> Networks,
    long StepsTrained);
