using System.Xml.Linq;
using PharmaMes.Domain.Production;
using static PharmaMes.Infrastructure.Production.BatchMl;

namespace PharmaMes.Infrastructure.Production;

/// <summary>
/// The batch's control recipe as BatchML holds it: a header with the product, planned size and
/// state, the forced sequence of steps as procedure logic (step, transition, step...), and each
/// step as an operation with the equipment it ran on, the values it records (set point and limits)
/// and the materials it dispenses (scaled target and tolerance).
/// </summary>
internal static class BatchMlControlRecipe
{
    public static XElement Record(BatchRecordView record)
    {
        var batch = record.Batch;
        var version = batch.RecipeVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return E("ControlRecipeRecord",
            Entry("Control-Recipe", "Control Recipe", batch.CreatedAt, null,
                $"Control recipe of batch {batch.Number}, copied from version {version} of the master recipe of {batch.ProductCode}."),
            E("ControlRecipe",
                E("ID", batch.Number.Value),
                E("Version", version),
                E("Description", record.ProductName),
                E("BatchID", batch.Number.Value),
                E("Header",
                    E("ProductID", batch.ProductCode.Value),
                    E("ProductName", record.ProductName),
                    E("BatchSize",
                        E("ScaledSize", new XAttribute("unitCode", batch.PlannedQuantity.Unit.Symbol), Number(batch.PlannedQuantity.Amount)),
                        E("UnitOfMeasure", batch.PlannedQuantity.Unit.Symbol)),
                    Status(batch.State)),
                ProcedureLogic(batch.Steps, version),
                batch.Steps.Select(s => Operation(s, version))));
    }

    /// <summary>ISA-88 procedural states; the batch's Created is Idle, Completed is Complete.</summary>
    private static XElement Status(BatchState state) => state switch
    {
        BatchState.Created => E("Status", "Idle"),
        BatchState.Running => E("Status", "Running"),
        BatchState.Held => E("Status", "Held"),
        BatchState.Completed => E("Status", "Complete"),
        BatchState.Aborted => E("Status", "Aborted"),
        _ => Other("Status", state.ToString()),
    };

    // Awaiting verification and skipped have no ISA-88 state: they keep the MES's name.
    private static XElement Status(StepState state) => state switch
    {
        StepState.Pending => E("Status", "Idle"),
        StepState.InProgress => E("Status", "Running"),
        StepState.Completed => E("Status", "Complete"),
        _ => Other("Status", state.ToString()),
    };

    /// <summary>
    /// Steps run strictly in order: each step is followed by a transition that fires when it is
    /// completed or skipped, which leads to the next step.
    /// </summary>
    private static XElement ProcedureLogic(IReadOnlyList<BatchStep> steps, string version)
    {
        var links = new List<XElement>();
        var transitions = new List<XElement>();
        for (var i = 0; i < steps.Count - 1; i++)
        {
            var (from, to) = (steps[i], steps[i + 1]);
            transitions.Add(E("Transition",
                E("ID", $"T{from.Number}"),
                E("Condition", $"{StepId(from.Number)} Completed or Skipped")));
            links.Add(Link(links.Count + 1, $"S{from.Number}", "Step", $"T{from.Number}", "Transition"));
            links.Add(Link(links.Count + 1, $"T{from.Number}", "Transition", $"S{to.Number}", "Step"));
        }
        return E("ProcedureLogic",
            links,
            steps.Select(s => E("Step", E("ID", $"S{s.Number}"), E("RecipeElementID", StepId(s.Number)), E("RecipeElementVersion", version), E("Description", s.Label))),
            transitions);
    }

    private static XElement Link(int number, string from, string fromType, string to, string toType) =>
        E("Link",
            E("ID", $"L{number}"),
            E("FromID", E("FromIDValue", from), E("FromType", fromType), E("IDScope", "Internal")),
            E("ToID", E("ToIDValue", to), E("ToType", toType), E("IDScope", "Internal")),
            E("LinkType", "ControlLink"),
            E("Depiction", "LineAndArrow"));

    private static XElement Operation(BatchStep step, string version) =>
        E("RecipeElement",
            E("ID", StepId(step.Number)),
            E("Version", version),
            E("Description", step.Name),
            string.IsNullOrWhiteSpace(step.Instructions) ? null : E("Description", step.Instructions),
            E("RecipeElementType", "Operation"),
            step.EquipmentCode is { } equipment ? E("ActualEquipmentID", equipment.Value) : null,
            E("Header", Status(step.State)),
            step.RequiredEquipmentClass is { } required
                ? E("EquipmentRequirement", E("ID", required.ToString()), E("Description", $"{step.Label} runs on a {required}."))
                : null,
            step.Values.Select(Parameter),
            step.Materials.Select(Material));

    /// <summary>A parameter (set point and limits) or an in-process check (limits only) to record in the step.</summary>
    private static XElement Parameter(BatchStepValue value)
    {
        var unit = value.Unit.Symbol;
        return E("Parameter",
            E("ID", value.Name),
            E("Description", value.Kind.ToString()),
            value.Kind == BatchStepValueKind.ProcessParameter ? E("ParameterType", "ProcessParameter") : Other("ParameterType", value.Kind.ToString()),
            value.Target is { } target ? BatchValue(Number(target), "double", unit) : null,
            Limit("LowLimit", Number(value.Limits.Low), "double", unit),
            Limit("HighLimit", Number(value.Limits.High), "double", unit));
    }

    /// <summary>A material to dispense: the recipe quantity scaled to the planned size, and its tolerance.</summary>
    private static XElement Material(BatchStepMaterial material)
    {
        var unit = material.TargetQuantity.Unit.Symbol;
        var tolerance = material.Tolerance;
        return E("Parameter",
            E("ID", material.MaterialCode.Value),
            E("Description", $"Dispense {material.TargetQuantity} of {material.MaterialCode} (−{Number(material.TolerancePercentBelow)} % / +{Number(material.TolerancePercentAbove)} %)."),
            E("ParameterType", "ProcessInput"),
            BatchValue(Number(material.TargetQuantity.Amount), "decimal", unit),
            E("Scaled", "Yes"),
            Limit("LowLimit", Number(tolerance.Low.Amount), "decimal", unit),
            Limit("HighLimit", Number(tolerance.High.Amount), "decimal", unit));
    }

    private static XElement Limit(string id, string value, string dataType, string unit) =>
        E("Parameter", E("ID", id), E("ParameterType", "ProcessParameter"), BatchValue(value, dataType, unit));
}
