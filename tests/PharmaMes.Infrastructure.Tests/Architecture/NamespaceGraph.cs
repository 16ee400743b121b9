using System.Reflection;
using System.Reflection.Emit;

namespace PharmaMes.Infrastructure.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which others, read from the types its types name: base types,
/// interfaces, fields, properties, method and constructor signatures, locals, generic arguments, and the
/// types, methods and fields that method bodies call or touch. Compiler-made types (closures, async state
/// machines) count for the namespace that declares them.
/// </summary>
public sealed class NamespaceGraph
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly Dictionary<string, HashSet<string>> _uses = [];
    private readonly Dictionary<(string From, string To), string> _why = [];

    public static NamespaceGraph Of(params Assembly[] assemblies)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
            foreach (var used in graph.Named(type))
                graph.Add(type, used);
        return graph;
    }

    /// <summary>The namespaces <paramref name="from"/> uses.</summary>
    public IReadOnlySet<string> Uses(string from) => _uses.TryGetValue(from, out var set) ? set : new HashSet<string>();

    /// <summary>One type reference that makes <paramref name="from"/> use <paramref name="to"/>, to say why in a failure.</summary>
    public string Why(string from, string to) => _why.GetValueOrDefault((from, to), "");

    private void Add(Type type, Type used)
    {
        var from = type.Namespace;
        var to = used.Namespace;
        if (from is null || to is null || from == to)
            return;
        if (!_uses.TryGetValue(from, out var set))
            _uses[from] = set = [];
        if (set.Add(to))
            _why[(from, to)] = $"{Outermost(type).FullName} names {used.FullName}";
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private IEnumerable<Type> Named(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
                named.Add(info.ReturnType);
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            named.AddRange(Locals(method));
            named.AddRange(Body(method));
        }
        return named.OfType<Type>().SelectMany(Unwrapped).Distinct();
    }

    private static IEnumerable<Type> Locals(MethodBase method)
    {
        try
        {
            return method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? [];
        }
        catch (Exception e) when (e is BadImageFormatException or FileNotFoundException or TypeLoadException)
        {
            // A local of a type from an assembly not deployed with the tests says nothing about our namespaces.
            return [];
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types whose members or tokens the method's IL names (calls, new objects, fields, casts, typeof).</summary>
    private static IEnumerable<Type> Body(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            return [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var named = new List<Type>();
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                try
                {
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                    if ((member as Type ?? member?.DeclaringType) is { } type)
                        named.Add(type);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or FileNotFoundException or TypeLoadException)
                {
                    // A token into an assembly not deployed with the tests says nothing about our namespaces.
                }
            }
            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
        return named;
    }

    /// <summary>The type itself and every type inside it: array elements, by-ref targets and generic arguments.</summary>
    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.HasElementType)
            return Unwrapped(type.GetElementType()!);
        if (type.IsGenericParameter)
            return [];
        return type.IsConstructedGenericType
            ? type.GetGenericArguments().SelectMany(Unwrapped).Prepend(type.GetGenericTypeDefinition())
            : [type];
    }
}
