namespace Ace.Core.Primitives.Simd;

/// <summary>
/// A kernel written once over the lane type, run by <see cref="LaneDispatch.Widest{TKernel}"/> with the widest lane
/// the hardware accelerates. Implement it on a struct (a ref struct may hold spans) so the JIT specialises the call.
/// </summary>
public interface ILaneKernel
{
    /// <summary>Runs the kernel with lanes of type <typeparamref name="TLane"/>.</summary>
    /// <typeparam name="TLane">The lane type chosen by the dispatcher.</typeparam>
    void Run<TLane>()
        where TLane : unmanaged, ILane<TLane>;
}
