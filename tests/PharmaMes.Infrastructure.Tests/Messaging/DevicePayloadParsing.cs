using System.Text;
using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Messaging;

namespace PharmaMes.Infrastructure.Tests.Messaging;

/// <summary>The contract's payload rules (docs/mqtt-contract.md): what is read, and why anything else is quarantined.</summary>
public class DevicePayloadParsing
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private const int MaxBytes = 16_384;

    private static DevicePayload? Parse(DeviceMessageKind kind, byte[] payload, out QuarantineReason? reason, int maxBytes = MaxBytes) =>
        DevicePayloadParser.Parse(kind, payload, ReceivedAt, maxBytes, out reason);

    private static DevicePayload? Parse(DeviceMessageKind kind, string json, out QuarantineReason? reason) =>
        Parse(kind, Encoding.UTF8.GetBytes(json), out reason);

    private static void AssertRejected(DevicePayload? payload, QuarantineReason? reason, string expectedCode)
    {
        Assert.Null(payload);
        Assert.NotNull(reason);
        Assert.Equal(expectedCode, reason.Code);
        Assert.False(string.IsNullOrWhiteSpace(reason.Detail), "an engineer needs to read why");
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-2.5E-330")]
    public void AValueTooSmallForADoubleIsRefusedNotStoredAsZero(string number)
    {
        var payload = Parse(DeviceMessageKind.Telemetry, $$$"""{"values":{"speed":{{{number}}}}}""", out var reason);

        AssertRejected(payload, reason, QuarantineReason.NotAFiniteNumber);
        Assert.Contains("too small for a double", reason!.Detail);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0.0", 0)]
    [InlineData("0e-400", 0)]
    [InlineData("1.7e308", 1.7e308)]
    [InlineData("4.9e-324", 4.9e-324)]
    public void ZeroAndTheExtremesOfTheDoubleRangeAreRead(string number, double expected)
    {
        var payload = Assert.IsType<TelemetryPayload>(Parse(DeviceMessageKind.Telemetry, $$$"""{"values":{"speed":{{{number}}}}}""", out var reason));

        Assert.Null(reason);
        Assert.Equal(expected, Assert.Single(payload.Values).Value);
    }

    [Theory]
    // Not JSON at all, or not the JSON of the contract.
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":3000}""", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, "", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":3000,}}""", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":3000 /* rpm */}}""", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":NaN}}""", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":Infinity}}""", QuarantineReason.InvalidJson)]
    [InlineData(DeviceMessageKind.Telemetry, """[{"speed":3000}]""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, "\"speed=3000\"", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, "3000", QuarantineReason.InvalidShape)]
    // Telemetry values.
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T09:59:00.000Z"}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":[3000,15.2]}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":3000}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":null}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{}}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":"3000"}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":true}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":null}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":1e999}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":-1e999}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":"Infinity"}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":"NaN"}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":{"value":3000,"unit":"rpm"}}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":[3000]}}""", QuarantineReason.NotAFiniteNumber)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":3000,"speed":3100}}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"speed":3000},"unit":"rpm"}""", QuarantineReason.InvalidShape)]
    // Timestamps: ISO-8601 with an offset, or absent.
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T10:00:00","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":1764064800,"values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"yesterday","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"2026-13-45T25:00:00Z","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"25.11.2026 10:00:00 +01:00","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    [InlineData(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T11:00:00.000Z","values":{"speed":3000}}""", QuarantineReason.InvalidTimestamp)]
    // States: exactly the contract's names, a reason that is text.
    [InlineData(DeviceMessageKind.State, """{"state":"running","reason":null}""", QuarantineReason.UnknownState)]
    [InlineData(DeviceMessageKind.State, """{"state":"Broken","reason":null}""", QuarantineReason.UnknownState)]
    [InlineData(DeviceMessageKind.State, """{"state":"","reason":null}""", QuarantineReason.UnknownState)]
    [InlineData(DeviceMessageKind.State, """{"state":"1"}""", QuarantineReason.UnknownState)]
    [InlineData(DeviceMessageKind.State, """{"state":1}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.State, """{"reason":"Punch tip broke"}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.State, """{"state":"Down","reason":42}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.State, """{"state":"Down","reason":{"code":42}}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.State, """{"state":"Idle","operator":"jdoe"}""", QuarantineReason.InvalidShape)]
    // Counts: cumulative whole numbers, never negative, both present.
    [InlineData(DeviceMessageKind.Counts, """{"good":-1,"reject":0}""", QuarantineReason.InvalidCount)]
    [InlineData(DeviceMessageKind.Counts, """{"good":100,"reject":-3}""", QuarantineReason.InvalidCount)]
    [InlineData(DeviceMessageKind.Counts, """{"good":12.5,"reject":0}""", QuarantineReason.InvalidCount)]
    [InlineData(DeviceMessageKind.Counts, """{"good":99999999999999999999,"reject":0}""", QuarantineReason.InvalidCount)]
    [InlineData(DeviceMessageKind.Counts, """{"good":100}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Counts, """{"reject":1}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Counts, """{"good":"100","reject":0}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Counts, """{"good":100,"reject":null}""", QuarantineReason.InvalidShape)]
    [InlineData(DeviceMessageKind.Counts, """{"good":100,"reject":0,"scrap":4}""", QuarantineReason.InvalidShape)]
    public void QuarantinesWithTheReasonCode(DeviceMessageKind kind, string json, string expectedCode)
    {
        var payload = Parse(kind, json, out var reason);

        AssertRejected(payload, reason, expectedCode);
    }

    [Fact]
    public void QuarantinesAPayloadBiggerThanTheLimitWithoutReadingIt()
    {
        var json = """{"values":{"speed":3000}}""";
        var exactly = Encoding.UTF8.GetBytes(json.PadRight(200));
        var oneMore = Encoding.UTF8.GetBytes(json.PadRight(201));

        var accepted = Parse(DeviceMessageKind.Telemetry, exactly, out var noReason, maxBytes: 200);
        var refused = Parse(DeviceMessageKind.Telemetry, oneMore, out var reason, maxBytes: 200);

        Assert.IsType<TelemetryPayload>(accepted);
        Assert.Null(noReason);
        AssertRejected(refused, reason, QuarantineReason.PayloadTooLarge);
        Assert.Contains("201", reason!.Detail);
    }

    [Fact]
    public void QuarantinesBinaryGarbageAsInvalidJson()
    {
        byte[] garbage = [0xFF, 0xFE, 0x00, 0x9C, 0x80, 0xC3, 0x28, 0x01, 0x7B];

        var payload = Parse(DeviceMessageKind.Telemetry, garbage, out var reason);

        AssertRejected(payload, reason, QuarantineReason.InvalidJson);
    }

    [Theory]
    // Well-formed JSON whose text is not UTF-8: System.Text.Json parses it and only fails when the string is read.
    [InlineData(DeviceMessageKind.Telemetry, """{"values":{"spe""", """ed":3000}}""")]
    [InlineData(DeviceMessageKind.State, """{"state":"Runn""", """ing","reason":null}""")]
    [InlineData(DeviceMessageKind.State, """{"state":"Down","reason":"foil""", """ break"}""")]
    [InlineData(DeviceMessageKind.Counts, """{"ts":"2026-11-25T09:59""", """:00Z","good":1,"reject":0}""")]
    public void QuarantinesInvalidUtf8InsideAStringAsInvalidJson(DeviceMessageKind kind, string before, string after)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)];

        var payload = Parse(kind, bytes, out var reason);

        AssertRejected(payload, reason, QuarantineReason.InvalidJson);
    }

    [Fact]
    public void QuarantinesAStateReasonLongerThanAnIntervalKeeps()
    {
        var json = $$"""{"state":"Down","reason":"{{new string('x', StateInterval.ReasonMaxLength + 1)}}"}""";

        var payload = Parse(DeviceMessageKind.State, json, out var reason);

        AssertRejected(payload, reason, QuarantineReason.InvalidShape);
    }

    [Fact]
    public void ReadsTelemetryWithItsTimestampInTheOrderSent()
    {
        var payload = Parse(DeviceMessageKind.Telemetry,
            """{"ts":"2026-11-25T09:59:30.125Z","values":{"speed":3012,"compression_force":14.75,"tablet_weight":5.0e2,"offset":-0.5}}""", out var reason);

        var telemetry = Assert.IsType<TelemetryPayload>(payload);
        Assert.Null(reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 59, 30, 125, TimeSpan.Zero), telemetry.At);
        Assert.Equal(["speed", "compression_force", "tablet_weight", "offset"], telemetry.Values.Select(v => v.Key));
        Assert.Equal([3012, 14.75, 500, -0.5], telemetry.Values.Select(v => v.Value));
    }

    [Theory]
    [InlineData("""{"values":{"temperature":37.02}}""")]
    [InlineData("""{"ts":null,"values":{"temperature":37.02}}""")]
    public void UsesTheReceiveTimeWhenTheDeviceSendsNoTimestamp(string json)
    {
        var payload = Parse(DeviceMessageKind.Telemetry, json, out var reason);

        var telemetry = Assert.IsType<TelemetryPayload>(payload);
        Assert.Null(reason);
        Assert.Equal(ReceivedAt, telemetry.At);
        Assert.Equal(37.02, Assert.Single(telemetry.Values).Value);
    }

    [Fact]
    public void ConvertsATimestampWithAnOffsetToUtc()
    {
        var payload = Parse(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T11:58:00.000+02:00","values":{"ph":7.01}}""", out _);

        var telemetry = Assert.IsType<TelemetryPayload>(payload);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero), telemetry.At);
        Assert.Equal(TimeSpan.Zero, telemetry.At.Offset);
    }

    [Fact]
    public void AcceptsADeviceClockSlightlyAheadButNotAnHour()
    {
        var early = Parse(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T10:04:00.000Z","values":{"ph":7.01}}""", out var none);
        var wrong = Parse(DeviceMessageKind.Telemetry, """{"ts":"2026-11-25T11:00:00.000Z","values":{"ph":7.01}}""", out var reason);

        Assert.Equal(ReceivedAt.AddMinutes(4), Assert.IsType<TelemetryPayload>(early).At);
        Assert.Null(none);
        AssertRejected(wrong, reason, QuarantineReason.InvalidTimestamp);
    }

    [Fact]
    public void ReadsAStateWithANullReason()
    {
        var payload = Parse(DeviceMessageKind.State, """{"ts":"2026-11-25T09:00:00Z","state":"Running","reason":null}""", out var reason);

        var state = Assert.IsType<StatePayload>(payload);
        Assert.Null(reason);
        Assert.Equal(EquipmentState.Running, state.State);
        Assert.Null(state.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), state.At);
    }

    [Fact]
    public void ReadsAStateWithItsReasonTrimmed()
    {
        var payload = Parse(DeviceMessageKind.State, """{"state":"Down","reason":"  Foil web break  "}""", out _);

        var state = Assert.IsType<StatePayload>(payload);
        Assert.Equal(EquipmentState.Down, state.State);
        Assert.Equal("Foil web break", state.Reason);
        Assert.Equal(ReceivedAt, state.At);
    }

    [Fact]
    public void ReadsCumulativeCounters()
    {
        var payload = Parse(DeviceMessageKind.Counts, """{"ts":"2026-11-25T09:59:00.000Z","good":12045,"reject":17}""", out var reason);

        var counts = Assert.IsType<CountsPayload>(payload);
        Assert.Null(reason);
        Assert.Equal((12045L, 17L), (counts.Good, counts.Reject));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.Zero), counts.At);
    }
}
