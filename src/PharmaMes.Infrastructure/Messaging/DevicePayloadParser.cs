using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// Checks a device payload against the contract (docs/mqtt-contract.md) and reads it. Strict on
/// purpose: a value that reaches a GMP record must be exactly what the device meant, so anything
/// ambiguous is quarantined with the reason rather than guessed.
/// </summary>
public static partial class DevicePayloadParser
{
    /// <summary>A device clock this far ahead of the MES clock is wrong, not early.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(5);

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 4, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static DevicePayload? Parse(DeviceMessageKind kind, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt, int maxBytes, out QuarantineReason? reason)
    {
        if (payload.Length > maxBytes)
            return Fail(QuarantineReason.PayloadTooLarge, $"The payload has {payload.Length} bytes; at most {maxBytes} are accepted.", out reason);
        // JsonDocument accepts invalid UTF-8 inside strings and throws only when a string is read,
        // which would fail the whole batch again and again: check the text up front.
        if (!System.Text.Unicode.Utf8.IsValid(payload.Span))
            return Fail(QuarantineReason.InvalidJson, "The payload is not valid UTF-8 text.", out reason);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Strict);
        }
        catch (JsonException ex)
        {
            return Fail(QuarantineReason.InvalidJson, $"The payload is not valid JSON: {FirstSentence(ex.Message)}", out reason);
        }
        catch (ArgumentException ex)
        {
            return Fail(QuarantineReason.InvalidJson, $"The payload is not valid UTF-8 JSON: {FirstSentence(ex.Message)}", out reason);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Fail(QuarantineReason.InvalidShape, $"The payload must be a JSON object, not {Describe(root.ValueKind)}.", out reason);
            if (!ReadTimestamp(root, receivedAt, out var at, out reason))
                return null;
            return kind switch
            {
                DeviceMessageKind.Telemetry => ReadTelemetry(root, at, out reason),
                DeviceMessageKind.State => ReadState(root, at, out reason),
                _ => ReadCounts(root, at, out reason),
            };
        }
    }

    private static DevicePayload? ReadTelemetry(JsonElement root, DateTimeOffset at, out QuarantineReason? reason)
    {
        if (!OnlyProperties(root, ["ts", "values"], out reason))
            return null;
        if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
            return Fail(QuarantineReason.InvalidShape, "Telemetry needs \"values\": an object of tag names and numbers.", out reason);
        var readings = new List<KeyValuePair<string, double>>();
        foreach (var property in values.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number)
                return Fail(QuarantineReason.NotAFiniteNumber, $"The value of \"{property.Name}\" is {Describe(property.Value.ValueKind)}, not a number.", out reason);
            if (!property.Value.TryGetDouble(out var number) || !double.IsFinite(number))
                return Fail(QuarantineReason.NotAFiniteNumber, $"The value of \"{property.Name}\" ({property.Value.GetRawText()}) is not a finite number.", out reason);
            if (number == 0 && IsNonZero(property.Value.GetRawText()))
                return Fail(QuarantineReason.NotAFiniteNumber,
                    $"The value of \"{property.Name}\" ({Truncate(property.Value.GetRawText(), 40)}) is too small for a double: it would be stored as 0.", out reason);
            if (readings.Any(r => r.Key == property.Name))
                return Fail(QuarantineReason.InvalidShape, $"The tag \"{property.Name}\" appears twice.", out reason);
            readings.Add(KeyValuePair.Create(property.Name, number));
        }
        if (readings.Count == 0)
            return Fail(QuarantineReason.InvalidShape, "Telemetry \"values\" is empty.", out reason);
        reason = null;
        return new TelemetryPayload(at, readings);
    }

    private static DevicePayload? ReadState(JsonElement root, DateTimeOffset at, out QuarantineReason? reason)
    {
        if (!OnlyProperties(root, ["ts", "state", "reason", "cleaning"], out reason))
            return null;
        if (!root.TryGetProperty("state", out var stateElement) || stateElement.ValueKind != JsonValueKind.String)
            return Fail(QuarantineReason.InvalidShape, "A state message needs \"state\" as a string.", out reason);
        var name = stateElement.GetString()!;
        if (!Enum.GetNames<EquipmentState>().Contains(name, StringComparer.Ordinal))
            return Fail(QuarantineReason.UnknownState, $"\"{Truncate(name, 40)}\" is not a state of the contract ({string.Join(", ", Enum.GetNames<EquipmentState>())}).", out reason);
        string? stateReason = null;
        if (root.TryGetProperty("reason", out var reasonElement))
        {
            if (reasonElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return Fail(QuarantineReason.InvalidShape, "\"reason\" must be a string or null.", out reason);
            stateReason = reasonElement.GetString();
            if (stateReason?.Length > StateInterval.ReasonMaxLength)
                return Fail(QuarantineReason.InvalidShape, $"\"reason\" is longer than {StateInterval.ReasonMaxLength} characters.", out reason);
        }
        DeviceCleaningReport? cleaning = null;
        if (root.TryGetProperty("cleaning", out var cleaningElement) && cleaningElement.ValueKind != JsonValueKind.Null)
        {
            cleaning = ReadCleaning(cleaningElement, at, out reason);
            if (cleaning is null)
                return null;
        }
        reason = null;
        return new StatePayload(at, Enum.Parse<EquipmentState>(name), string.IsNullOrWhiteSpace(stateReason) ? null : stateReason.Trim(), cleaning);
    }

    private static DeviceCleaningReport? FailReport(string code, string detail, out QuarantineReason? reason)
    {
        Fail(code, detail, out reason);
        return null;
    }

    /// <summary>The report of a CIP/SIP cycle that comes with the state the unit goes to when it ends.</summary>
    private static DeviceCleaningReport? ReadCleaning(JsonElement cleaning, DateTimeOffset at, out QuarantineReason? reason)
    {
        if (cleaning.ValueKind != JsonValueKind.Object)
            return FailReport(QuarantineReason.InvalidShape, "\"cleaning\" must be an object: {\"program\", \"agent\", \"startedAt\", \"result\"}.", out reason);
        if (!OnlyProperties(cleaning, ["program", "agent", "startedAt", "result"], out reason))
            return null;
        string? Text(string property, int max, out string? problem)
        {
            problem = null;
            if (!cleaning.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
                return null;
            if (element.ValueKind != JsonValueKind.String)
                problem = $"\"cleaning.{property}\" must be a string.";
            else if (element.GetString()!.Length > max)
                problem = $"\"cleaning.{property}\" is longer than {max} characters.";
            return problem is null ? element.GetString() : null;
        }
        var program = Text("program", 60, out var problem);
        if (problem is not null)
            return FailReport(QuarantineReason.InvalidShape, problem, out reason);
        var agent = Text("agent", CleaningRecord.AgentMaxLength, out problem);
        if (problem is not null)
            return FailReport(QuarantineReason.InvalidShape, problem, out reason);
        var result = Text("result", 20, out problem);
        if (problem is not null || result is not ("Passed" or "Failed"))
            return FailReport(QuarantineReason.InvalidShape, "\"cleaning.result\" must be \"Passed\" or \"Failed\".", out reason);
        DateTimeOffset? startedAt = null;
        var started = Text("startedAt", 40, out problem);
        if (problem is not null)
            return FailReport(QuarantineReason.InvalidShape, problem, out reason);
        if (started is not null)
        {
            if (!IsoWithOffset().IsMatch(started) || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return FailReport(QuarantineReason.InvalidTimestamp, "\"cleaning.startedAt\" must be an ISO-8601 time with an offset.", out reason);
            if (parsed > at)
                return FailReport(QuarantineReason.InvalidTimestamp, "\"cleaning.startedAt\" is after the end of the cycle (\"ts\").", out reason);
            startedAt = parsed.ToUniversalTime();
        }
        reason = null;
        return new DeviceCleaningReport(program, agent, startedAt, result == "Passed");
    }

    private static DevicePayload? ReadCounts(JsonElement root, DateTimeOffset at, out QuarantineReason? reason)
    {
        if (!OnlyProperties(root, ["ts", "good", "reject"], out reason))
            return null;
        if (!ReadCounter(root, "good", out var good, out reason) || !ReadCounter(root, "reject", out var reject, out reason))
            return null;
        return new CountsPayload(at, good, reject);
    }

    private static bool ReadCounter(JsonElement root, string name, out long value, out QuarantineReason? reason)
    {
        value = 0;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number)
            return Refuse(QuarantineReason.InvalidShape, $"Counts need \"{name}\" as a whole number.", out reason);
        if (!element.TryGetInt64(out value))
            return Refuse(QuarantineReason.InvalidCount, $"\"{name}\" ({element.GetRawText()}) is not a whole number.", out reason);
        if (value < 0)
            return Refuse(QuarantineReason.InvalidCount, $"\"{name}\" is {value}; counters cannot be negative.", out reason);
        reason = null;
        return true;
    }

    private static bool ReadTimestamp(JsonElement root, DateTimeOffset receivedAt, out DateTimeOffset at, out QuarantineReason? reason)
    {
        at = receivedAt;
        reason = null;
        if (!root.TryGetProperty("ts", out var ts) || ts.ValueKind == JsonValueKind.Null)
            return true;
        var text = ts.ValueKind == JsonValueKind.String ? ts.GetString()! : null;
        if (text is null || !IsoWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            Fail(QuarantineReason.InvalidTimestamp,
                $"\"ts\" ({Truncate(ts.GetRawText(), 40)}) must be an ISO-8601 time with an offset, e.g. 2026-11-25T10:00:00.000Z.", out reason);
            return false;
        }
        if (parsed > receivedAt + MaxClockAhead)
        {
            Fail(QuarantineReason.InvalidTimestamp,
                $"\"ts\" {parsed.UtcDateTime:O} is ahead of the MES clock ({receivedAt.UtcDateTime:O}): check the device's clock.", out reason);
            return false;
        }
        at = parsed.ToUniversalTime();
        return true;
    }

    private static bool OnlyProperties(JsonElement root, string[] allowed, out QuarantineReason? reason)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                return Refuse(QuarantineReason.InvalidShape, $"Unexpected property \"{Truncate(property.Name, 40)}\"; allowed: {string.Join(", ", allowed)}.", out reason);
        }
        reason = null;
        return true;
    }

    private static DevicePayload? Fail(string code, string detail, out QuarantineReason? reason)
    {
        reason = new QuarantineReason(code, detail);
        return null;
    }

    private static bool Refuse(string code, string detail, out QuarantineReason? reason)
    {
        reason = new QuarantineReason(code, detail);
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a number",
    };

    /// <summary>Whether a JSON number's digits (before any exponent) are not all zero.</summary>
    private static bool IsNonZero(string number)
    {
        var exponent = number.AsSpan().IndexOfAny('e', 'E');
        var digits = exponent < 0 ? number.AsSpan() : number.AsSpan(0, exponent);
        return digits.IndexOfAnyInRange('1', '9') >= 0;
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
