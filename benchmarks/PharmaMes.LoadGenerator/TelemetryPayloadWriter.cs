using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace PharmaMes.LoadGenerator;

/// <summary>
/// Writes the contract's telemetry payload, <c>{"ts":"...Z","values":{"v1":12.3,...}}</c>,
/// reusing one buffer and one JSON writer (single-threaded: the publish loop owns it).
/// </summary>
internal sealed class TelemetryPayloadWriter
{
    /// <summary>The extra value that carries the per-run sequence number.</summary>
    public const string SequenceTag = "seq";

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _tagNames;
    private static readonly JsonEncodedText Ts = JsonEncodedText.Encode("ts");
    private static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText Seq = JsonEncodedText.Encode(SequenceTag);

    public TelemetryPayloadWriter(IReadOnlyList<string> tagNames)
    {
        _tagNames = tagNames.Select(name => JsonEncodedText.Encode(name)).ToArray();
        _json = new Utf8JsonWriter(_buffer);
    }

    /// <summary>A fresh array per message: MQTTnet keeps the payload until the publish completes.</summary>
    public byte[] Write(DateTime utcNow, ReadOnlySpan<double> values, long? sequence)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        // ISO-8601 with milliseconds and 'Z', as the contract's example.
        Span<char> ts = stackalloc char[24];
        utcNow.TryFormat(ts, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _json.WriteString(Ts, ts[..length]);
        _json.WriteStartObject(Values);
        for (var i = 0; i < _tagNames.Length; i++)
            _json.WriteNumber(_tagNames[i], values[i]);
        if (sequence is { } seq)
            _json.WriteNumber(Seq, seq);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
