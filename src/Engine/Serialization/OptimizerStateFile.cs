using System.Text.Json.Nodes;
using Zero.Engine.Optim;

namespace Zero.Engine.Serialization;

/// <summary>
/// Optimizer state saved alongside a weights file for resuming training: a <see cref="TensorFile"/> with metadata
/// <c>{"format": "zero-optimizer", "optimizer": "adam", "step": 1200, "parameters": 38, "hyper": {...}}</c> and the
/// optimizer's slot tensors ("exp_avg.3", "momentum_buffer.0", ...). The trainers of SelfPlay and Rl call it.
/// </summary>
public static class OptimizerStateFile
{
    /// <summary>Saves the optimizer's step count, hyper-parameters and state tensors.</summary>
    public static void Save(string path, Optimizer optimizer)
    {
        var hyper = new JsonObject();
        foreach ((string k, double v) in optimizer.HyperParameters)
        {
            hyper[k] = v;
        }

        var meta = new JsonObject
        {
            ["format"] = "zero-optimizer",
            ["optimizer"] = optimizer.Kind,
            ["step"] = optimizer.StepCount,
            ["parameters"] = optimizer.Parameters.Count,
            ["hyper"] = hyper,
        };
        TensorFile.Write(path, meta.ToJsonString(), optimizer.State());
    }

    /// <summary>
    /// Restores the state into an optimizer of the same kind over the same parameters (the learning rate and other
    /// hyper-parameters stay as constructed: schedules set them).
    /// </summary>
    /// <exception cref="WeightsFileException">The file is unusable, or was written by another optimizer or model.</exception>
    public static void Load(string path, Optimizer optimizer)
    {
        TensorFileContents contents = TensorFile.Read(path);
        JsonObject meta;
        try
        {
            meta = JsonNode.Parse(contents.MetadataJson)!.AsObject();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new WeightsFileException($"'{path}' has unreadable metadata ({ex.Message}).", ex);
        }

        if (meta["format"]?.GetValue<string>() != "zero-optimizer")
        {
            throw new WeightsFileException($"'{path}' is not an optimizer state file (format '{meta["format"]}'); a weights file perhaps? Pass the optimizer state saved next to it.");
        }

        string? kind = meta["optimizer"]?.GetValue<string>();
        if (kind != optimizer.Kind)
        {
            throw new WeightsFileException($"'{path}' holds '{kind}' optimizer state but the trainer uses '{optimizer.Kind}'. Resume with the same optimizer, or start the optimizer afresh.");
        }

        int count = meta["parameters"]?.GetValue<int>() ?? -1;
        if (count != optimizer.Parameters.Count)
        {
            throw new WeightsFileException($"'{path}' holds optimizer state for {count} parameters but the model has {optimizer.Parameters.Count}: it belongs to another architecture.");
        }

        try
        {
            optimizer.LoadState(meta["step"]?.GetValue<long>() ?? 0, contents.Tensors);
        }
        catch (WeightsFileException ex)
        {
            throw new WeightsFileException($"'{path}': {ex.Message}", ex);
        }
    }
}
