using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Zero.Rl.Algorithms;

/// <summary>
/// The one self-contained model file of an RL agent. Layout (little-endian):
/// <code>
/// "ZRLMODEL" | int32 version (2) | int32 n | n bytes header JSON (<see cref="ModelHeader"/>)
/// int32 count | count × (int32 nameBytes | name UTF-8 | int32 length | length × float32)
/// 32 bytes SHA-256 of everything before
/// </code>
/// Loading checks the magic, version, lengths and checksum, and every error says what to do about it. Version 2 (the
/// networks moved onto Zero.Engine): tensors "{net}.layers.{i}.weight" are [out, in]; version 1 stored
/// "{net}.{i}.weight" as [in, out] and is refused.
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "ZRLMODEL"u8.ToArray();
    private const int Version = 2;

    /// <summary>Options shared by every RL JSON file (snake_case keys, as SB3's hyper-parameter names).</summary>
    public static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Writes header and named tensors to <paramref name="path"/> (atomically: a temporary file then a move).</summary>
    public static void Save(string path, ModelHeader header, IReadOnlyList<(string Name, float[] Data)> tensors)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
            w.Write(json.Length);
            w.Write(json);
            w.Write(tensors.Count);
            foreach ((string name, float[] data) in tensors)
            {
                byte[] n = Encoding.UTF8.GetBytes(name);
                w.Write(n.Length);
                w.Write(n);
                w.Write(data.Length);
                foreach (float f in data)
                {
                    w.Write(f);
                }
            }
        }
        byte[] body = ms.ToArray();
        byte[] hash = SHA256.HashData(body);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
        string tmp = path + ".tmp";
        using (var f = File.Create(tmp))
        {
            f.Write(body);
            f.Write(hash);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads a model file. Throws <see cref="ZeroException"/> for a missing, foreign, truncated, corrupted or newer file.</summary>
    public static (ModelHeader Header, Dictionary<string, float[]> Tensors) Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"Model file '{path}' does not exist: pass the model.zrl path that `zero rl train` printed on its last line.");
        }
        byte[] all = File.ReadAllBytes(path);
        if (all.Length < Magic.Length + 4 || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ZeroException($"'{path}' is not a Zero RL model file (it does not start with ZRLMODEL): pass a file written by `zero rl train`.");
        }
        if (all.Length < Magic.Length + 8 + 32)
        {
            throw new ZeroException($"'{path}' is truncated ({all.Length} bytes): the copy or the training run was cut short; copy it again or retrain.");
        }
        int version = BitConverter.ToInt32(all, Magic.Length);
        if (version == 1)
        {
            throw new ZeroException($"'{path}' is model format version 1, written before the RL networks moved onto Zero.Engine (its weights are stored [in, out]); this build reads version {Version}. Retrain it with `zero rl train`, or evaluate it with the Zero version that wrote it.");
        }
        if (version != Version)
        {
            throw new ZeroException($"'{path}' is model format version {version}; this build reads version {Version}. Use the Zero version that wrote it or retrain.");
        }
        ReadOnlySpan<byte> body = all.AsSpan(0, all.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
        {
            throw new ZeroException($"'{path}' is corrupted or truncated (SHA-256 mismatch): copy it again or retrain.");
        }
        try
        {
            using var r = new BinaryReader(new MemoryStream(all, 0, all.Length - 32));
            r.ReadBytes(Magic.Length);
            r.ReadInt32();
            int headerLength = r.ReadInt32();
            ModelHeader header = JsonSerializer.Deserialize<ModelHeader>(r.ReadBytes(headerLength), Json)
                ?? throw new ZeroException($"'{path}' has an empty header.");
            int count = r.ReadInt32();
            var tensors = new Dictionary<string, float[]>(count);
            for (int t = 0; t < count; t++)
            {
                string name = Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()));
                var data = new float[r.ReadInt32()];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = r.ReadSingle();
                }
                tensors[name] = data;
            }
            return (header, tensors);
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or OverflowException or OutOfMemoryException)
        {
            throw new ZeroException($"'{path}' has a valid checksum but an unreadable layout ({e.Message}): it was written by an incompatible build; retrain.", e);
        }
    }

    /// <summary>Copies a saved tensor into a parameter array, checking its length.</summary>
    public static void Restore(Dictionary<string, float[]> tensors, string name, float[] destination, string path)
    {
        if (!tensors.TryGetValue(name, out float[]? data))
        {
            throw new ZeroException($"'{path}' has no tensor '{name}': the file belongs to another algorithm or network shape.");
        }
        if (data.Length != destination.Length)
        {
            throw new ZeroException($"Tensor '{name}' in '{path}' has {data.Length} values, the network expects {destination.Length}: the config's net_arch differs from the one trained.");
        }
        data.CopyTo(destination, 0);
    }
}
