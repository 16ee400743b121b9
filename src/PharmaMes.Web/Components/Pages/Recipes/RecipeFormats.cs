using System.Globalization;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Production;
using PharmaMes.Domain.Recipes;

namespace PharmaMes.Web.Components.Pages.Recipes;

/// <summary>How recipe values read on screen: numbers without trailing zeros, limits as "low – high unit".</summary>
public static class RecipeFormats
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("#,0.######", CultureInfo.CurrentCulture);

    public static string Amount(Quantity quantity) => $"{Number(quantity.Amount)} {quantity.Unit}";

    public static string Limits(ValueRange limits, UnitOfMeasure unit) => $"{Number(limits.Low)} – {Number(limits.High)} {unit}";

    public static string Tolerance(BillOfMaterialsLine line) =>
        line.TolerancePercentBelow == line.TolerancePercentAbove
            ? $"± {Number(line.TolerancePercentBelow)} %"
            : $"− {Number(line.TolerancePercentBelow)} / + {Number(line.TolerancePercentAbove)} %";

    /// <summary>The window a weighed amount must fall in, e.g. "149.25 – 150.75 kg".</summary>
    public static string Window(BillOfMaterialsLine line)
    {
        var window = new DispenseTolerance(line.Quantity, line.TolerancePercentBelow, line.TolerancePercentAbove);
        return $"{Number(window.Low.Amount)} – {Number(window.High.Amount)} {line.Quantity.Unit}";
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
