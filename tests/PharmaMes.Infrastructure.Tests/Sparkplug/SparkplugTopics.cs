using PharmaMes.Infrastructure.Sparkplug;

namespace PharmaMes.Infrastructure.Tests.Sparkplug;

public class SparkplugTopics
{
    [Theory]
    [InlineData("spBv1.0/PLANT1/NBIRTH/OSD-L1", "PLANT1", SparkplugMessageType.NBIRTH, "OSD-L1", null)]
    [InlineData("spBv1.0/PLANT1/DDATA/OSD-L1/TP-01", "PLANT1", SparkplugMessageType.DDATA, "OSD-L1", "TP-01")]
    [InlineData("spBv1.0/PLANT1/NDEATH/OSD-L1", "PLANT1", SparkplugMessageType.NDEATH, "OSD-L1", null)]
    [InlineData("spBv1.0/PLANT1/DCMD/OSD-L1/TP-01", "PLANT1", SparkplugMessageType.DCMD, "OSD-L1", "TP-01")]
    public void AnEdgeNodesTopicNamesItsGroupTypeNodeAndDevice(string topic, string group, SparkplugMessageType type, string node, string? device)
    {
        var parsed = SparkplugTopic.TryParse(topic, out var problem);

        Assert.Null(problem);
        Assert.Equal(new SparkplugTopic(group, type, node, device), parsed);
        Assert.Equal(topic, parsed!.ToString());
    }

    [Theory]
    [InlineData("spBv1.0/STATE/pharmames", "host application's STATE")]
    [InlineData("spAv1.0/PLANT1/NBIRTH/OSD-L1", "not in the spBv1.0 namespace")]
    [InlineData("spBv1.0/PLANT1/NBIRTH", "must be spBv1.0/group/type/edge node[/device]")]
    [InlineData("spBv1.0/PLANT1/NBIRTH/OSD-L1/TP-01", "A NBIRTH is the edge node's own")]
    [InlineData("spBv1.0/PLANT1/DDATA/OSD-L1", "A DDATA names its device")]
    [InlineData("spBv1.0/PLANT1/ndata/OSD-L1", "is not a Sparkplug B message type")]
    [InlineData("spBv1.0/PLANT1/NDATA//", "has an empty level")]
    public void AnythingElseIsRefusedWithTheReason(string topic, string reason)
    {
        Assert.Null(SparkplugTopic.TryParse(topic, out var problem));
        Assert.Contains(reason, problem);
    }
}
