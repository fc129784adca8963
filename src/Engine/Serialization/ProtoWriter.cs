using System.Buffers.Binary;
using System.Text;

namespace Zero.Engine.Serialization;

/// <summary>
/// The few Protocol Buffers encodings an ONNX file needs (varints, length-delimited strings, bytes and nested
/// messages, packed floats), written into a growing buffer. Exists so <see cref="OnnxExport"/> can write a model
/// without a protobuf library or python; nothing else calls it.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    /// <summary>The encoded message so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    /// <summary>Field <paramref name="field"/> as a varint (int32, int64, enum).</summary>
    public ProtoWriter Varint(int field, long value)
    {
        Key(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    /// <summary>Field <paramref name="field"/> as a 32-bit float.</summary>
    public ProtoWriter Float(int field, float value)
    {
        Key(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>Field <paramref name="field"/> as a UTF-8 string.</summary>
    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Field <paramref name="field"/> as raw bytes (also a nested message already encoded).</summary>
    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Key(field, 2);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>Field <paramref name="field"/> as a nested message.</summary>
    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    private void Key(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
