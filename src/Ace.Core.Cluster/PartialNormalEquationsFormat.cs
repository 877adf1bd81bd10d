using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Ace.Core.Fitting;
using Ace.Core.Solvers;

namespace Ace.Core.Cluster;

/// <summary>
/// The binary form of <see cref="PartialNormalEquations"/> that workers send (in chunks) and checkpoints hold: a magic
/// and version, a label (the job's fingerprint in a checkpoint), the merged-shard count, the structure range, atoms,
/// columns and folds, then per fold the row count, <c>y^T W^2 y</c>, <c>A^T W^2 y</c> and the Gram matrix as
/// little-endian doubles, and last a SHA-256 of all that precedes it. Reading gives back the same bits.
/// </summary>
internal static class PartialNormalEquationsFormat
{
    private static readonly byte[] Magic = "ACEPNE01"u8.ToArray();

    /// <summary>Writes <paramref name="partial"/> with its <paramref name="label"/> and <paramref name="mergedShards"/> count.</summary>
    public static void Write(Stream stream, PartialNormalEquations partial, string label, int mergedShards)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingWriter(stream, hash);
        hashing.Write(Magic);
        var labelBytes = Encoding.UTF8.GetBytes(label);
        hashing.WriteInt32(labelBytes.Length);
        hashing.Write(labelBytes);
        hashing.WriteInt32(mergedShards);
        hashing.WriteInt32(partial.Structures.First);
        hashing.WriteInt32(partial.Structures.Count);
        hashing.WriteInt64(partial.AtomCount);
        hashing.WriteInt32(partial.Columns);
        hashing.WriteInt32(partial.FoldCount);
        foreach (var fold in partial.Folds)
        {
            hashing.WriteInt64(fold.RowCount);
            hashing.WriteDoubles([fold.TargetSquaredNorm]);
            hashing.WriteDoubles(fold.ProjectedTargets);
            hashing.WriteDoubles(fold.Gram);
        }
        stream.Write(hash.GetHashAndReset());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; <paramref name="source"/> names the data in errors.</summary>
    /// <exception cref="InvalidDataException">The data is truncated, of another format, or its checksum does not match.</exception>
    public static (PartialNormalEquations Partial, string Label, int MergedShards) Read(Stream stream, string source)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var reader = new HashingReader(stream, hash, source);
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{source}: not partial normal equations of this version (bad magic)");
        }
        int labelLength = reader.ReadInt32();
        if (labelLength is < 0 or > 1 << 16)
        {
            throw new InvalidDataException($"{source}: corrupt header (label length {labelLength})");
        }
        var label = Encoding.UTF8.GetString(reader.ReadBytes(labelLength));
        int merged = reader.ReadInt32();
        int first = reader.ReadInt32();
        int count = reader.ReadInt32();
        long atoms = reader.ReadInt64();
        int columns = reader.ReadInt32();
        int folds = reader.ReadInt32();
        if (columns < 1 || folds < 1 || count < 1 || first < 0 || folds > 1 << 16)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: corrupt header (columns {columns}, folds {folds}, structures {first}+{count})"));
        }
        var result = new NormalEquations[folds];
        var projected = new double[columns];
        var gram = new double[(long)columns * columns];
        var norm = new double[1];
        for (int f = 0; f < folds; f++)
        {
            long rows = reader.ReadInt64();
            reader.ReadDoubles(norm);
            reader.ReadDoubles(projected);
            reader.ReadDoubles(gram);
            if (rows < 0)
            {
                throw new InvalidDataException($"{source}: corrupt fold {f} (negative row count)");
            }
            result[f] = NormalEquations.FromSums(columns, gram, projected, norm[0], rows);
        }
        var expected = hash.GetHashAndReset();
        var actual = new byte[expected.Length];
        stream.ReadExactly(actual);
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidDataException($"{source}: the SHA-256 checksum does not match the content (corrupted in transfer or on disk)");
        }
        return (new PartialNormalEquations(new StructureRange(first, count), atoms, result), label, merged);
    }

    private sealed class HashingWriter(Stream stream, IncrementalHash hash)
    {
        public void Write(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            stream.Write(bytes);
        }

        public void WriteInt32(int value)
        {
            Span<byte> b = stackalloc byte[4];
            BitConverter.TryWriteBytes(b, value);
            Write(b);
        }

        public void WriteInt64(long value)
        {
            Span<byte> b = stackalloc byte[8];
            BitConverter.TryWriteBytes(b, value);
            Write(b);
        }

        public void WriteDoubles(ReadOnlySpan<double> values)
        {
            const int Step = 1 << 16;
            for (int k = 0; k < values.Length; k += Step)
            {
                Write(MemoryMarshal.AsBytes(values.Slice(k, Math.Min(Step, values.Length - k))));
            }
        }
    }

    private sealed class HashingReader(Stream stream, IncrementalHash hash, string source)
    {
        public byte[] ReadBytes(int count)
        {
            var bytes = new byte[count];
            Fill(bytes);
            return bytes;
        }

        public int ReadInt32()
        {
            Span<byte> b = stackalloc byte[4];
            Fill(b);
            return BitConverter.ToInt32(b);
        }

        public long ReadInt64()
        {
            Span<byte> b = stackalloc byte[8];
            Fill(b);
            return BitConverter.ToInt64(b);
        }

        public void ReadDoubles(Span<double> values)
        {
            const int Step = 1 << 16;
            for (int k = 0; k < values.Length; k += Step)
            {
                Fill(MemoryMarshal.AsBytes(values.Slice(k, Math.Min(Step, values.Length - k))));
            }
        }

        private void Fill(Span<byte> bytes)
        {
            try
            {
                stream.ReadExactly(bytes);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"{source}: truncated (the data ends early)", e);
            }
            hash.AppendData(bytes);
        }
    }
}
