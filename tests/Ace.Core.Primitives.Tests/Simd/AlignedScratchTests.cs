using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Tests.Simd;

/// <summary>Stack and per-thread scratch start on 64-byte boundaries and are as long as asked.</summary>
public class AlignedScratchTests
{
    private static unsafe long Address<T>(Span<T> span)
        where T : unmanaged
    {
        fixed (T* p = span)
        {
            return (long)p;
        }
    }

    [TestCase(8)]
    [TestCase(100)]
    [TestCase(4096)]
    public void Aligned_stack_scratch_starts_on_a_line_and_keeps_the_bytes_asked_for(int bytes)
    {
        Span<byte> raw = stackalloc byte[AlignedScratch.StackBytes(bytes)];
        Span<byte> aligned = AlignedScratch.Align(raw);
        Assert.That(Address(aligned) % AlignedScratch.Alignment, Is.Zero);
        Assert.That(aligned.Length, Is.GreaterThanOrEqualTo(bytes));
    }

    [Test]
    public void Thread_buffer_is_aligned_exact_and_grows()
    {
        Span<double> small = AlignedScratch.ThreadBuffer(10);
        Assert.That(small.Length, Is.EqualTo(10));
        Assert.That(Address(small) % AlignedScratch.Alignment, Is.Zero);
        Span<double> large = AlignedScratch.ThreadBuffer(100_000);
        Assert.That(large.Length, Is.EqualTo(100_000));
        Assert.That(Address(large) % AlignedScratch.Alignment, Is.Zero);
        large[^1] = 1.0;
        Assert.That(MemoryMarshal.AsBytes(large).Length, Is.EqualTo(800_000));
    }

    [Test]
    public void Negative_thread_buffer_length_is_rejected() =>
        Assert.That(() => AlignedScratch.ThreadBuffer(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
