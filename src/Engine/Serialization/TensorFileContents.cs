using Zero.Engine.Tensors;

namespace Zero.Engine.Serialization;

/// <summary>What <see cref="TensorFile.Read(string)"/> returns: the metadata JSON and the named tensors, in file order.</summary>
public sealed record TensorFileContents(string MetadataJson, IReadOnlyDictionary<string, Tensor> Tensors, int FormatVersion);
