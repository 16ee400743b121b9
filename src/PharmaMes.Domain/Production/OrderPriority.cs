namespace PharmaMes.Domain.Production;

/// <summary>
/// The priority of a production order, 1 (Urgent) to 5 (Low), as planners say it. The number is what the ERP sends
/// and what is stored; the word is what people read. Planning weighs an order's lateness by it.
/// </summary>
public static class OrderPriority
{
    public const int Urgent = 1;
    public const int High = 2;
    public const int Normal = 3;
    public const int Flexible = 4;
    public const int Low = 5;

    private static readonly string[] Names = ["Urgent", "High", "Normal", "Flexible", "Low"];

    public static bool IsValid(int priority) => priority is >= Urgent and <= Low;

    /// <summary>"Urgent" for 1 … "Low" for 5.</summary>
    public static string NameOf(int priority) =>
        IsValid(priority) ? Names[priority - 1] : throw new ArgumentOutOfRangeException(nameof(priority), priority, "A priority is 1 to 5.");

    /// <summary>"1 Urgent, 2 High, 3 Normal, 4 Flexible, 5 Low": the scale, for messages and help texts.</summary>
    public static string Scale => string.Join(", ", Names.Select((name, i) => $"{i + 1} {name}"));

    /// <summary>Every priority, most urgent first, with its name: for pick lists.</summary>
    public static IReadOnlyList<(int Value, string Name)> All => [.. Names.Select((name, i) => (i + 1, name))];

    /// <summary>How much a minute of lateness weighs in planning: 16 for Urgent, halving down to 1 for Low.</summary>
    public static int WeightOf(int priority) => 1 << (Low - priority);
}
