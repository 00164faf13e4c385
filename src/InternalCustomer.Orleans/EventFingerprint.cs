using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InternalCustomer.Orleans;

// The first 8 bytes of the SHA-256 of an event's interchange document: equal content, equal fingerprint; a replayed
// event with other content under a counted id is told apart with a chance of a collision of about 2^-64.
internal static class EventFingerprint
{
    internal static long Of(string json)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(json), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
