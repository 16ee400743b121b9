using PharmaMes.Domain.Plant;
using PharmaMes.Infrastructure.Production;
using PharmaMes.Web.Components.Shared;

namespace PharmaMes.Web.ShopFloor;

/// <summary>
/// The label scanned on a unit at the start of a step: the plain equipment code, or a GS1 asset label whose
/// GIAI (8004) is the code. It is checked against the units the step offers, and a refusal says which part
/// does not match: not a label of equipment, a unit of another class, or a unit that cannot be used now.
/// </summary>
public static class EquipmentScan
{
    public static bool TryChoose(string? scanned, EquipmentClass required, IReadOnlyList<EquipmentChoice> choices, out string code, out string? error)
    {
        code = "";
        error = null;
        var text = scanned?.Trim() ?? "";
        var needed = EquipmentCard.Humanize(required).ToLowerInvariant();
        if (text.Length == 0)
        {
            error = $"Scan the label on the {needed}, or tap it below.";
            return false;
        }
        if (Gs1Label.Looks(text))
        {
            if (!Gs1Label.TryParse(text, out var label, out var labelError))
            {
                error = labelError;
                return false;
            }
            if (label.Asset is null)
            {
                error = label.Lot is not null || label.Gtin is not null
                    ? $"This is a container label (lot {label.Lot ?? "–"}), not an equipment label: scan the label on the {needed}."
                    : $"The label carries no asset identifier (8004): scan the label on the {needed}.";
                return false;
            }
            text = label.Asset;
        }
        var choice = choices.FirstOrDefault(c => string.Equals(c.Code, text, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            var offered = choices.Count == 0 ? "none in the plant" : string.Join(", ", choices.Select(c => c.Code));
            error = $"{text} is not a {needed}: this step runs on a {needed} ({offered}).";
            return false;
        }
        if (!choice.IsUsable)
        {
            error = $"{choice.Code} cannot be used now: {string.Join("; ", choice.Blocked)}.";
            return false;
        }
        code = choice.Code;
        return true;
    }
}
