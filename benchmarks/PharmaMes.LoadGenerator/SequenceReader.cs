using System.Buffers;
using System.Text.Json;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Finds <c>values.seq</c> in a telemetry payload with a forward-only reader: no document is
/// built, because the subscriber's handler stalls the whole connection while it runs.
/// </summary>
internal static class SequenceReader
{
    public static bool TryRead(ReadOnlySequence<byte> payload, out long sequence)
    {
        sequence = 0;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isValues = reader.ValueTextEquals("values"u8);
                reader.Read();
                if (!isValues || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isSeq = reader.ValueTextEquals(TelemetryPayloadWriter.SequenceTag);
                    reader.Read();
                    if (isSeq)
                        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out sequence);
                    reader.Skip();
                }
                return false;
            }
            return false;
        }
        catch (JsonException)
        {
            // Not our payload (or broken): counted as a message without a sequence number.
            return false;
        }
    }
}
