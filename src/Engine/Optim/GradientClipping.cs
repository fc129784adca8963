using Zero.Engine.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Zero.Engine.Optim;

/// <summary>
/// Clipping by global norm (PPO's max_grad_norm 0.5, as torch.nn.utils.clip_grad_norm_): when ‖g‖₂ over all
/// parameters exceeds the maximum, every gradient is scaled by max/(‖g‖ + 1e-6). Call between backward and Step.
/// </summary>
public static class GradientClipping
{
    /// <summary>Clips in place and returns the norm before clipping.</summary>
    /// <exception cref="ArgumentException">The maximum is not positive.</exception>
    public static float ClipGlobalNorm(IReadOnlyList<Tensor> parameters, float maxNorm)
    {
        if (!(maxNorm > 0))
        {
            throw new ArgumentException($"The maximum gradient norm must be positive, got {maxNorm}.", nameof(maxNorm));
        }

        // Index loops: foreach over an IReadOnlyList boxes its enumerator, and RL calls this on every gradient step.
        double sq = 0;
        for (int i = 0; i < parameters.Count; i++)
        {
            Tensor p = parameters[i];
            if (p.HasGrad)
            {
                float n = TensorPrimitives.Norm(p.Grad);
                sq += (double)n * n;
            }
        }

        float norm = (float)Math.Sqrt(sq);
        float scale = maxNorm / (norm + 1e-6f);
        if (scale < 1f)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                Tensor p = parameters[i];
                if (p.HasGrad)
                {
                    TensorPrimitives.Multiply(p.Grad, scale, p.Grad);
                }
            }
        }

        return norm;
    }
}
