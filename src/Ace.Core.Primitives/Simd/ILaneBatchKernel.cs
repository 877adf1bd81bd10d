namespace Ace.Core.Primitives.Simd;

/// <summary>
/// A kernel over a batch of independent points, one lane of points at a time, run by
/// <see cref="LaneDispatch.ForEachLane{TKernel}"/>. Implement it on a struct (a ref struct may hold spans) so the JIT
/// specialises the call.
/// </summary>
public interface ILaneBatchKernel
{
    /// <summary>
    /// Processes the points <paramref name="start"/> .. start + <typeparamref name="TLane"/>.Width - 1. The first
    /// <paramref name="overlap"/> of them were done by an earlier lane (only the last lane of a batch overlaps): a
    /// kernel that overwrites its outputs may ignore it; one that accumulates must leave those points out
    /// (<see cref="ILane{TSelf}.ZeroLeading"/>).
    /// </summary>
    /// <typeparam name="TLane">The lane type.</typeparam>
    /// <param name="start">The first point of the lane.</param>
    /// <param name="overlap">How many leading points of the lane are already done.</param>
    void Run<TLane>(int start, int overlap)
        where TLane : unmanaged, ILane<TLane>;
}
