namespace PharmaMes.Benchmarks;

/// <summary>Sets a prepared command's parameters for the next row, for the benchmarks that seed tables directly.</summary>
internal static class SqlParameters
{
    public static void Set(System.Data.Common.DbCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
