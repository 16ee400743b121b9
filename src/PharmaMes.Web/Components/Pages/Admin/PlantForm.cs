using PharmaMes.Domain.Plant;

namespace PharmaMes.Web.Components.Pages.Admin;

/// <summary>What the engineer types into one of the plant page's forms; checked field by field by the domain's rules before saving.</summary>
public sealed class PlantForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public EquipmentClass Class { get; set; } = EquipmentClass.DispensingBooth;
    public double? CleanHoldHours { get; set; }
    public double? DirtyHoldHours { get; set; }
    public bool ProductChangeNeedsMajorClean { get; set; } = true;
    public int? CalibrationIntervalDays { get; set; }
    public double? IdealRatePerMinute { get; set; }
    /// <summary>The ideal rates of particular products on the equipment, one row each.</summary>
    public List<ProductRateRow> ProductRates { get; set; } = [];
    /// <summary>An explicit Sparkplug address: all three ids, or none for site/line/equipment code.</summary>
    public string SparkplugGroupId { get; set; } = "";
    public string SparkplugEdgeNodeId { get; set; } = "";
    public string SparkplugDeviceId { get; set; } = "";
    public string TagName { get; set; } = "";
    public string Description { get; set; } = "";
    public string Unit { get; set; } = "";
    public double? NormalLow { get; set; }
    public double? NormalHigh { get; set; }
    public double? AlarmLow { get; set; }
    public double? AlarmHigh { get; set; }
    public TagRole Role { get; set; }
    /// <summary>The Sparkplug metric the tag reads; empty for the tag's name.</summary>
    public string SparkplugMetric { get; set; } = "";
    public string DeviceUser { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>One product's ideal rate on the equipment, as typed.</summary>
public sealed class ProductRateRow
{
    public string Product { get; set; } = "";
    public double? UnitsPerMinute { get; set; }
}
