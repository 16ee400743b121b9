using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Plant.Model;

/// <summary>An equipment's explicit Sparkplug address as a file gives it: all three ids, or all three empty for the default rule.</summary>
public sealed record SparkplugAddressModel(string? GroupId, string? EdgeNodeId, string? DeviceId)
{
    /// <summary>The address these ids are; null when all three are empty (the default rule).</summary>
    public SparkplugAddress? ToAddress() => Domain.Plant.SparkplugAddress.From(GroupId, EdgeNodeId, DeviceId);

    public static SparkplugAddressModel? Of(SparkplugAddress? address) =>
        address is null ? null : new(address.GroupId, address.EdgeNodeId, address.DeviceId);
}
