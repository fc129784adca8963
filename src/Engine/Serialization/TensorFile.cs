using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Zero.Engine.Tensors;

namespace Zero.Engine.Serialization;

/// <summary>
/// The container behind weights files and optimizer-state files: self-contained, versioned, checksummed.
/// <code>
/// offset  size        field (little-endian)
/// 0       8           magic "ZERONNW\n"
/// 8       4           format version (uint32, currently 1)
/// 12      4           metadata length L (int32)
/// 16      L           metadata, UTF-8 JSON (architecture config, or optimizer kind and hyper-parameters)
/// ..      4           tensor count T (int32)
///         T ×         name length (int32), name (UTF-8), rank r (int32), r × dimension (int32), product × float32
/// end−32  32          SHA-256 of every byte before it
/// </code>
/// Reading checks, in order: the magic, the version, the structure against the file length (truncation), then the
/// checksum (corruption); every failure is a <see cref="WeightsFileException"/> that says what is wrong and what to do.
/// Writing goes to a temporary file that is renamed into place, so a crash never leaves half a file.
/// </summary>
public static class TensorFile
{
    /// <summary>The current format version.</summary>
    public const int FormatVersion = 1;

    private const int HashSize = 32;
    private const int MaxRank = 8;
    private const int MaxNameBytes = 4096;
    private static ReadOnlySpan<byte> Magic => "ZERONNW\n"u8;

    /// <summary>Writes the file atomically (temporary file, then rename).</summary>
    public static void Write(string path, string metadataJson, IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        string tmp = full + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            Write(fs, metadataJson, tensors);
        }

        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>Writes the file to a stream.</summary>
    public static void Write(Stream stream, string metadataJson, IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] word = new byte[4];

        void Put(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            hash.AppendData(bytes);
        }

        void PutInt(int v)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, v);
            Put(word);
        }

        Put(Magic);
        PutInt(FormatVersion);
        byte[] meta = Encoding.UTF8.GetBytes(metadataJson);
        PutInt(meta.Length);
        Put(meta);
        var list = tensors.ToList();
        PutInt(list.Count);
        foreach ((string name, Tensor t) in list)
        {
            byte[] nb = Encoding.UTF8.GetBytes(name);
            PutInt(nb.Length);
            Put(nb);
            PutInt(t.Rank);
            foreach (int d in t.Shape)
            {
                PutInt(d);
            }

            if (BitConverter.IsLittleEndian)
            {
                Put(MemoryMarshal.AsBytes(t.Span));
            }
            else
            {
                foreach (float f in t.Span)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(word, f);
                    Put(word);
                }
            }
        }

        stream.Write(hash.GetHashAndReset());
    }

    /// <summary>Reads and verifies a file.</summary>
    /// <exception cref="WeightsFileException">The file is missing, not a Zero file, another version, truncated or corrupted.</exception>
    public static TensorFileContents Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new WeightsFileException($"'{path}' is a folder, not a weights file: pass the .weights file inside it.");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WeightsFileException($"Cannot read weights file '{path}': {ex.Message}", ex);
        }

        return Read(bytes, path);
    }

    /// <summary>Reads and verifies a file held in memory; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="WeightsFileException">Not a Zero file, another version, truncated or corrupted.</exception>
    public static TensorFileContents Read(ReadOnlySpan<byte> bytes, string source)
    {
        // 1. Magic and version.
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new WeightsFileException($"'{source}' is not a Zero weights file (it does not start with the ZERONNW header). Pass a file written by Zero's trainer or WeightsFile.Save.");
        }

        if (bytes.Length < Magic.Length + 4)
        {
            throw Truncated(source, bytes.Length, Magic.Length + 4);
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]);
        if (version < 1 || version > FormatVersion + 1000)
        {
            throw new WeightsFileException($"'{source}' has a damaged header: its format version field reads {version}, which no Zero version wrote. The file is corrupted; use another copy.");
        }
        if (version != FormatVersion)
        {
            throw new WeightsFileException(version > FormatVersion
                ? $"'{source}' uses weights format version {version}, newer than this build reads ({FormatVersion}). Update Zero to load it."
                : $"'{source}' uses weights format version {version}, which this build no longer reads (it reads {FormatVersion}). Convert it with the Zero version that wrote it.");
        }

        // 2. Structure (detects truncation before the checksum, for a precise message).
        int body = bytes.Length - HashSize;
        TensorFileContents? contents = TryParse(bytes, Math.Max(0, body), out int needed, out string? structureError);
        if (contents is null && needed > body)
        {
            throw Truncated(source, bytes.Length, needed + HashSize);
        }

        // 3. Checksum.
        if (body < 0 || !SHA256.HashData(bytes[..body]).AsSpan().SequenceEqual(bytes[body..]))
        {
            throw new WeightsFileException($"'{source}' is corrupted: its SHA-256 checksum does not match its contents (a damaged disk or an incomplete copy). Copy the file again from its source.");
        }

        return contents ?? throw new WeightsFileException($"'{source}' is malformed although its checksum matches ({structureError}); it was not written by a compatible Zero version.");
    }

    private static WeightsFileException Truncated(string source, int length, int needed) =>
        new($"'{source}' is truncated (or its header is damaged): it has {length} bytes but its header describes at least {needed}. The download or copy was cut short; copy the file again.");

    private static TensorFileContents? TryParse(ReadOnlySpan<byte> bytes, int body, out int needed, out string? error)
    {
        int pos = Magic.Length + 4;
        needed = 0;
        error = null;

        bool Need(int count, ref int needed)
        {
            long end = (long)pos + count;
            if (end > body)
            {
                needed = (int)Math.Min(int.MaxValue, end);
                return false;
            }

            return true;
        }

        if (!Need(4, ref needed))
        {
            return null;
        }

        int metaLen = BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]);
        pos += 4;
        if (metaLen < 0)
        {
            error = "negative metadata length";
            return null;
        }

        if (!Need(metaLen, ref needed))
        {
            return null;
        }

        string meta;
        try
        {
            meta = new UTF8Encoding(false, true).GetString(bytes.Slice(pos, metaLen));
        }
        catch (DecoderFallbackException)
        {
            error = "metadata is not UTF-8";
            return null;
        }

        pos += metaLen;
        if (!Need(4, ref needed))
        {
            return null;
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]);
        pos += 4;
        if (count < 0)
        {
            error = "negative tensor count";
            return null;
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        Span<int> dims = stackalloc int[MaxRank];
        for (int t = 0; t < count; t++)
        {
            if (!Need(4, ref needed))
            {
                return null;
            }

            int nameLen = BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]);
            pos += 4;
            if (nameLen is < 0 or > MaxNameBytes)
            {
                error = $"tensor {t} has a name length of {nameLen}";
                return null;
            }

            if (!Need(nameLen + 4, ref needed))
            {
                return null;
            }

            string name = Encoding.UTF8.GetString(bytes.Slice(pos, nameLen));
            pos += nameLen;
            int rank = BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]);
            pos += 4;
            if (rank is < 0 or > MaxRank)
            {
                error = $"tensor '{name}' has rank {rank}";
                return null;
            }

            if (!Need(4 * rank, ref needed))
            {
                return null;
            }

            long length = 1;
            for (int d = 0; d < rank; d++)
            {
                dims[d] = BinaryPrimitives.ReadInt32LittleEndian(bytes[pos..]);
                pos += 4;
                if (dims[d] < 0)
                {
                    error = $"tensor '{name}' has a negative dimension";
                    return null;
                }

                length *= dims[d];
                if (length > int.MaxValue / 4)
                {
                    error = $"tensor '{name}' is impossibly large";
                    return null;
                }
            }

            if (!Need((int)length * 4, ref needed))
            {
                return null;
            }

            var tensor = new Tensor(dims[..rank].ToArray());
            ReadOnlySpan<byte> data = bytes.Slice(pos, (int)length * 4);
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, float>(data).CopyTo(tensor.Span);
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    tensor[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
                }
            }

            pos += (int)length * 4;
            if (!tensors.TryAdd(name, tensor))
            {
                error = $"tensor '{name}' appears twice";
                return null;
            }
        }

        if (pos != body)
        {
            error = $"{body - pos} unexpected bytes after the last tensor";
            return null;
        }

        return new TensorFileContents(meta, tensors, FormatVersion);
    }
}
