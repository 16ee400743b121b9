using Google.Protobuf;
using PharmaMes.Infrastructure.Sparkplug;
using PharmaMes.Infrastructure.Sparkplug.Protocol;
using static PharmaMes.Infrastructure.Tests.Sparkplug.SparkplugPayloads;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

/// <summary>
/// The host application's view of one edge node (Sparkplug 3.0): births declare metrics and
/// aliases, data arrives by alias in sequence, deaths end the session they belong to, and whatever
/// cannot be placed with certainty asks for a rebirth instead of being guessed.
/// </summary>
public class SparkplugSessions
{
    private static SparkplugEdgeNode BornNode(out ulong seq)
    {
        var node = new SparkplugEdgeNode("PLANT1", "OSD-L1");
        Assert.Null(node.Accept(Topic("NBIRTH"), OverTheWire(Payload(0, BdSeq(3))), T0).RebirthNeeded);
        var birth = node.Accept(Topic("DBIRTH", "TP-01"), OverTheWire(Payload(1,
            Double("speed", 1, 3000, "tablets/min"), Double("compression_force", 2, 15.2, "kN"))), T0);
        Assert.Null(birth.RebirthNeeded);
        seq = 1;
        return node;
    }

    [Fact]
    public void AFieldByFieldPayloadOfTheSpecificationDecodes()
    {
        // timestamp (1) = 1000, metrics (2) = [{ name (1) "t", alias (2) 7, datatype (4) Double, double_value (13) 1.5 }], seq (3) = 5
        byte[] wire = [0x08, 0xE8, 0x07, 0x12, 0x10, 0x0A, 0x01, (byte)'t', 0x10, 0x07, 0x20, 0x0A, 0x69, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0x18, 0x05];

        var payload = SparkplugPayload.Parser.ParseFrom(wire);

        Assert.Equal(1000ul, payload.Timestamp);
        Assert.Equal(5ul, payload.Seq);
        var metric = Assert.Single(payload.Metrics);
        Assert.Equal(("t", 7ul, (uint)SparkplugDataType.Double, 1.5), (metric.Name, metric.Alias, metric.Datatype, metric.DoubleValue));
        Assert.Equal(wire, payload.ToByteArray());
    }

    [Fact]
    public void BirthsDeclareNamesUnitsAndCurrentValuesAndDataFollowsByAlias()
    {
        var node = new SparkplugEdgeNode("PLANT1", "OSD-L1");
        var nodeBirth = node.Accept(Topic("NBIRTH"), OverTheWire(Payload(0, BdSeq(3), new SparkplugMetric { Name = "Node Control/Rebirth", Datatype = 11, BooleanValue = false })), T0);
        var deviceBirth = node.Accept(Topic("DBIRTH", "TP-01"), OverTheWire(Payload(1, Double("speed", 1, 3000, "tablets/min"))), T0);
        var data = node.Accept(Topic("DDATA", "TP-01"), OverTheWire(Payload(2, ByAlias(1, 3120))), T0.AddSeconds(1));

        Assert.Empty(nodeBirth.Values); // bdSeq and Node Control are not process values
        Assert.Equal([(null, true, T0)], nodeBirth.Presence);
        Assert.Equal(3ul, node.BdSeq);
        var born = Assert.Single(deviceBirth.Values);
        Assert.Equal(("TP-01", "speed", "tablets/min", 3000d), (born.Device, born.Metric.Name, born.Metric.Unit, born.Number));
        var value = Assert.Single(data.Values);
        Assert.Equal(("speed", 3120d, T0), (value.Metric.Name, value.Number, value.At)); // the payload's timestamp
        Assert.Null(data.RebirthNeeded);
        Assert.Equal(2, node.Seq);
        Assert.True(Assert.Single(node.Devices).Online);
    }

    [Fact]
    public void EachDataTypeIsReadAsItsBirthDeclaredIt()
    {
        var node = new SparkplugEdgeNode("PLANT1", "OSD-L1");
        node.Accept(Topic("NBIRTH"), Payload(0, BdSeq(1)), T0);
        var birth = node.Accept(Topic("DBIRTH", "TP-01"), OverTheWire(Payload(1,
            new SparkplugMetric { Name = "offset", Alias = 1, Datatype = (uint)SparkplugDataType.Int8, IntValue = unchecked((uint)-5) },
            new SparkplugMetric { Name = "count", Alias = 2, Datatype = (uint)SparkplugDataType.Int64, LongValue = unchecked((ulong)-40_000_000_000L) },
            new SparkplugMetric { Name = "running", Alias = 3, Datatype = (uint)SparkplugDataType.Boolean, BooleanValue = true },
            new SparkplugMetric { Name = "temperature", Alias = 4, Datatype = (uint)SparkplugDataType.Float, FloatValue = 36.5f },
            new SparkplugMetric { Name = "recipe", Alias = 5, Datatype = (uint)SparkplugDataType.String, StringValue = "PARA-500" },
            new SparkplugMetric { Name = "spare", Alias = 6, Datatype = (uint)SparkplugDataType.Double, IsNull = true })), T0);

        Assert.Equal(new (string, double?, string?, bool)[]
            {
                ("offset", -5, null, false), ("count", -40_000_000_000, null, false), ("running", 1, null, false),
                ("temperature", 36.5, null, false), ("recipe", null, "PARA-500", false), ("spare", null, null, true),
            },
            birth.Values.Select(v => (v.Metric.Name, v.Number, v.Text, v.IsNull)));
        Assert.Empty(birth.SetAside);
    }

    [Fact]
    public void ASeqGapAsksForARebirthAndNothingIsTakenUntilTheNodeIsBornAgain()
    {
        var node = BornNode(out var seq);

        var gap = node.Accept(Topic("DDATA", "TP-01"), Payload(seq + 2, ByAlias(1, 3100)), T0);
        var after = node.Accept(Topic("DDATA", "TP-01"), Payload(seq + 3, ByAlias(1, 3200)), T0);

        Assert.Equal("DDATA of OSD-L1 has seq 3, expected 2: 1 messages are missing or out of order.", gap.RebirthNeeded);
        Assert.Empty(gap.Values);
        Assert.Contains("waits for its rebirth", after.RebirthNeeded);
        Assert.Empty(after.Values);

        node.Accept(Topic("NBIRTH"), Payload(0, BdSeq(4)), T0.AddSeconds(5));
        node.Accept(Topic("DBIRTH", "TP-01"), Payload(1, Double("speed", 1, 3000)), T0.AddSeconds(5));
        var trusted = node.Accept(Topic("DDATA", "TP-01"), Payload(2, ByAlias(1, 3300)), T0.AddSeconds(6));
        Assert.Null(trusted.RebirthNeeded);
        Assert.Equal(3300, Assert.Single(trusted.Values).Number);
    }

    [Fact]
    public void SeqWrapsFrom255To0()
    {
        var node = BornNode(out var seq);
        for (var n = seq + 1; n <= 255; n++)
            Assert.Null(node.Accept(Topic("NDATA"), Payload(n), T0).RebirthNeeded);

        var wrapped = node.Accept(Topic("DDATA", "TP-01"), Payload(0, ByAlias(2, 16.1)), T0);

        Assert.Null(wrapped.RebirthNeeded);
        Assert.Equal(0, node.Seq);
        Assert.Equal(16.1, Assert.Single(wrapped.Values).Number);
    }

    [Fact]
    public void AnUnknownAliasAsksForARebirthAndTakesNoneOfTheMessage()
    {
        var node = BornNode(out var seq);

        var outcome = node.Accept(Topic("DDATA", "TP-01"), Payload(seq + 1, ByAlias(1, 3100), ByAlias(9, 1)), T0);

        Assert.Equal("Alias 9 is not in the birth of TP-01.", outcome.RebirthNeeded);
        Assert.Empty(outcome.Values);
    }

    [Fact]
    public void DataFromADeviceWithoutABirthAsksForARebirth()
    {
        var node = BornNode(out var seq);

        var outcome = node.Accept(Topic("DDATA", "TP-02"), Payload(seq + 1, ByAlias(1, 3100)), T0);

        Assert.Contains("\"TP-02\" of OSD-L1, which has no DBIRTH", outcome.RebirthNeeded);
    }

    [Fact]
    public void ADeathEndsOnlyTheSessionItsBdSeqNamesAndTakesTheDevicesOffline()
    {
        var node = BornNode(out _);

        var stale = node.Accept(Topic("NDEATH"), Payload(0, BdSeq(2)), T0.AddSeconds(1));
        Assert.Contains("not the current session's 3", stale.Ignored);
        Assert.True(node.Online);

        var death = node.Accept(Topic("NDEATH"), Payload(0, BdSeq(3)), T0.AddSeconds(2));
        Assert.Null(death.Ignored);
        Assert.False(node.Online);
        Assert.Equal([(null, false, T0), ("TP-01", false, T0)], death.Presence);
        Assert.False(Assert.Single(node.Devices).Online);
        Assert.Contains("no NBIRTH in this session", node.Accept(Topic("NDATA"), Payload(5), T0).RebirthNeeded);
    }

    [Fact]
    public void ADeviceDeathTakesOnlyThatDeviceOffline()
    {
        var node = BornNode(out var seq);

        var death = node.Accept(Topic("DDEATH", "TP-01"), Payload(seq + 1), T0.AddSeconds(3));

        Assert.Equal([("TP-01", false, T0)], death.Presence);
        Assert.True(node.Online);
        Assert.Contains("no DBIRTH", node.Accept(Topic("DDATA", "TP-01"), Payload(seq + 2, ByAlias(1, 1)), T0).RebirthNeeded);
    }

    [Fact]
    public void AHistoricalValueKeepsItsOwnTimeAndDatasetsAreSetAsideWithTheReason()
    {
        var node = BornNode(out var seq);
        node.Accept(Topic("NDATA"), Payload(++seq), T0); // keeps the sequence going
        var rebirthOfDevice = node.Accept(Topic("DBIRTH", "FBD-01"), Payload(++seq,
            Double("inlet_temperature", 10, 60),
            new SparkplugMetric { Name = "profile", Alias = 11, Datatype = (uint)SparkplugDataType.DataSet, DatasetValue = ByteString.CopyFrom(1, 2, 3) }), T0);
        var earlier = T0.AddMinutes(-5);

        var outcome = node.Accept(Topic("DDATA", "FBD-01"), Payload(++seq,
            new SparkplugMetric { Alias = 10, DoubleValue = 58.5, Timestamp = Ms(earlier), IsHistorical = true }), T0);

        Assert.Equal(["Metric \"profile\" is a DataSet, which the MES does not map to a tag."], rebirthOfDevice.SetAside);
        var value = Assert.Single(outcome.Values);
        Assert.Equal((58.5, earlier, true), (value.Number, value.At, value.IsHistorical));
    }
}
