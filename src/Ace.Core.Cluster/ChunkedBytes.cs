namespace Ace.Core.Cluster;

/// <summary>
/// Bytes held as fixed-size chunks, so that data larger than one array (or one Orleans message) is written once and
/// sent or read back chunk by chunk: <see cref="Writer"/> fills it, <see cref="Reader"/> reads the chunks in order.
/// </summary>
internal sealed class ChunkedBytes
{
    private readonly List<byte[]> _chunks = [];

    /// <summary>Empty bytes cut into chunks of <paramref name="chunkSize"/> bytes.</summary>
    public ChunkedBytes(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ChunkSize = chunkSize;
    }

    /// <summary>The bytes of every chunk but (possibly) the last.</summary>
    public int ChunkSize { get; }

    /// <summary>The total length in bytes.</summary>
    public long Length { get; private set; }

    /// <summary>The number of chunks.</summary>
    public int ChunkCount => _chunks.Count;

    /// <summary>Chunk <paramref name="index"/> (the last one trimmed to the data).</summary>
    public byte[] Chunk(int index) => _chunks[index];

    /// <summary>A stream that appends to the chunks.</summary>
    public Stream Writer() => new AppendStream(this);

    /// <summary>A stream over <paramref name="chunks"/> read in order.</summary>
    public static Stream Reader(IReadOnlyList<byte[]> chunks) => new ConcatenatedStream(chunks);

    /// <summary>Trims the last chunk to the data written (call once writing is done).</summary>
    public void Seal()
    {
        if (_chunks.Count > 0)
        {
            int used = (int)(Length - (long)(_chunks.Count - 1) * ChunkSize);
            if (used < _chunks[^1].Length)
            {
                _chunks[^1] = _chunks[^1][..used];
            }
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int offset = (int)(Length % ChunkSize);
            if (offset == 0)
            {
                _chunks.Add(new byte[ChunkSize]);
            }
            int n = Math.Min(ChunkSize - offset, data.Length);
            data[..n].CopyTo(_chunks[^1].AsSpan(offset));
            data = data[n..];
            Length += n;
        }
    }

    private sealed class AppendStream(ChunkedBytes target) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => target.Length;

        public override long Position
        {
            get => target.Length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => target.Append(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => target.Append(buffer);
    }

    private sealed class ConcatenatedStream(IReadOnlyList<byte[]> chunks) : Stream
    {
        private int _chunk;
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => chunks.Sum(c => (long)c.Length);

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_chunk < chunks.Count && _offset == chunks[_chunk].Length)
            {
                _chunk++;
                _offset = 0;
            }
            if (_chunk == chunks.Count)
            {
                return 0;
            }
            int n = Math.Min(buffer.Length, chunks[_chunk].Length - _offset);
            chunks[_chunk].AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
