using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Materials;

/// <summary>The "Inventory" section: when procurement is alerted.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>A projected stock-out sooner than this raises an alert.</summary>
    [Range(0.1, 24 * 90)]
    public double StockOutHorizonHours { get; set; } = 8;

    /// <summary>How often every material is looked at again, as time passes and rates change.</summary>
    [Range(5, 3600)]
    public int ReviewSeconds { get; set; } = 60;
}
