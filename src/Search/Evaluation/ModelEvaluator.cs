using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// Turns positions into features for an <see cref="IBatchModel"/> (a network): each leaf's input planes are written
/// when it is added, and <see cref="IEvaluationBatch{TGame,TMove}.Run"/> makes one model call for the whole batch.
/// Calls into a plain model are serialised with a lock (models need not be thread-safe); a
/// <see cref="BatchingModel"/> is called without the lock so that it can merge the batches of many threads.
/// </summary>
public sealed class ModelEvaluator<TGame, TMove> : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly IBatchModel _model;
    private readonly Lock? _gate;

    /// <exception cref="ZeroException">The model's input or policy size does not fit the game.</exception>
    public ModelEvaluator(IBatchModel model)
    {
        if (model.InputSize != TGame.InputShape.Size || model.PolicySize != TGame.ActionCount)
        {
            throw new ZeroException(
                $"network '{model.Name}' takes {model.InputSize} inputs and has {model.PolicySize} policy outputs, but " +
                $"{TGame.Name} needs {TGame.InputShape.Size} ({TGame.InputShape}) and {TGame.ActionCount}: weights for another game?");
        }
        _model = model;
        _gate = model is BatchingModel ? null : new Lock();
    }

    public string Name => $"net:{_model.Name}";
    public bool HasPolicy => true;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(this, capacity);

    private sealed class Batch(ModelEvaluator<TGame, TMove> owner, int capacity)
        : EvaluationBatch<TGame, TMove>(capacity, owner._model.HasWdl)
    {
        private readonly float[] _inputs = new float[capacity * TGame.InputShape.Size];

        public override bool Add(in TGame position)
        {
            int index = Reserve();
            int size = TGame.InputShape.Size;
            position.WriteFeatures(_inputs.AsSpan(index * size, size));
            return false;
        }

        public override void Run()
        {
            // Leaves are never ready before Run here, and Run evaluates all of them: the pending ones are 0..Count.
            int count = Count;
            if (count == 0 || Ready[count - 1])
            {
                return;
            }
            ReadOnlySpan<float> inputs = _inputs.AsSpan(0, count * TGame.InputShape.Size);
            Span<float> logits = Logits.AsSpan(0, count * TGame.ActionCount);
            Span<float> values = Values.AsSpan(0, count);
            Span<float> wdl = HasWdl ? WdlValues.AsSpan(0, count * 3) : [];
            if (owner._gate is { } gate)
            {
                lock (gate)
                {
                    owner._model.Evaluate(inputs, count, logits, values, wdl);
                }
            }
            else
            {
                owner._model.Evaluate(inputs, count, logits, values, wdl);
            }
            Ready.AsSpan(0, count).Fill(true);
        }
    }
}
