using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Primitives.Simd;

/// <summary>
/// Scratch memory aligned to <see cref="Alignment"/> bytes (one cache line, one 512-bit vector): a caller's
/// <c>stackalloc</c> trimmed to the boundary, or a per-thread buffer on the pinned heap that only grows.
/// </summary>
/// <remarks>
/// Aligned scratch keeps every lane load and store inside one cache line. Stack memory and pinned arrays do not move,
/// so the alignment holds for as long as the span lives.
/// </remarks>
public static class AlignedScratch
{
    /// <summary>The alignment in bytes: 64.</summary>
    public const int Alignment = 64;

    [ThreadStatic]
    private static double[]? threadBuffer;

    /// <summary>The number of bytes to <c>stackalloc</c> so that <see cref="Align"/> leaves at least
    /// <paramref name="bytes"/> aligned bytes.</summary>
    /// <param name="bytes">The aligned bytes needed.</param>
    public static int StackBytes(int bytes) => bytes + Alignment - 1;

    /// <summary>The part of <paramref name="raw"/> that starts at the first <see cref="Alignment"/>-byte boundary.</summary>
    /// <param name="raw">Memory that does not move (stack memory or a pinned array), at least
    /// <see cref="StackBytes"/>(n) bytes long for n aligned bytes.</param>
    /// <returns><paramref name="raw"/> without its leading unaligned bytes.</returns>
    public static unsafe Span<byte> Align(Span<byte> raw)
    {
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(raw));
        int skip = (int)(-address & (Alignment - 1));
        return raw[Math.Min(skip, raw.Length)..];
    }

    /// <summary>
    /// This thread's buffer of at least <paramref name="doubles"/> doubles starting at an <see cref="Alignment"/>-byte
    /// boundary (contents undefined). It is reused by the next call on the same thread, so a caller must finish with
    /// it before anything it calls asks for it again.
    /// </summary>
    /// <param name="doubles">The number of doubles needed.</param>
    /// <returns>An aligned span of exactly <paramref name="doubles"/> doubles.</returns>
    public static Span<double> ThreadBuffer(int doubles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(doubles);
        const int pad = Alignment / sizeof(double);
        var buffer = threadBuffer;
        if (buffer is null || buffer.Length < doubles + pad)
        {
            buffer = GC.AllocateUninitializedArray<double>(Math.Max(doubles + pad, 2 * (buffer?.Length ?? 0)), pinned: true);
            threadBuffer = buffer;
        }
        Span<byte> bytes = Align(MemoryMarshal.AsBytes(buffer.AsSpan()));
        return MemoryMarshal.Cast<byte, double>(bytes)[..doubles];
    }
}
