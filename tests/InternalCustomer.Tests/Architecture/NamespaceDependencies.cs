using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace InternalCustomer.Tests.Architecture;

/// <summary>
/// Reads compiled assemblies and finds which namespace uses which: through base types, interfaces, fields,
/// properties, events, method signatures, local variables, generic arguments and every type, method or field token in
/// a method body's IL. A <c>using</c> directive leaves no trace in IL; what the code really touches does.
/// </summary>
internal static class NamespaceDependencies
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static NamespaceDependencies()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (value < 0x100)
            {
                OneByte[value] = code;
            }
            else if ((value & 0xFF00) == 0xFE00)
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    /// <summary>One use of a type of another namespace: where it was seen, for the failure message.</summary>
    internal sealed record Use(string From, string To, string Where);

    /// <summary>Every use from a namespace to another namespace, where both lie in <paramref name="assemblies"/>
    /// (or, for outside uses, where the target starts with one of <paramref name="externalPrefixes"/>), keeping one
    /// example site per (from, to) pair.</summary>
    internal static ImmutableArray<Use> Find(
        IReadOnlyCollection<Assembly> assemblies,
        Func<string, bool> includeSource,
        IReadOnlyCollection<string>? externalPrefixes = null)
    {
        var ours = assemblies.ToHashSet();
        var found = new Dictionary<(string, string), Use>();
        foreach (var (source, used, where) in AllUses(assemblies, includeSource))
        {
            var from = source.Namespace!;
            var to = used.Namespace;
            if (to is null || to == from)
            {
                continue;
            }

            var counts = (ours.Contains(used.Assembly) && to.StartsWith(nameof(InternalCustomer), StringComparison.Ordinal))
                || (externalPrefixes is not null && externalPrefixes.Any(p => to == p || to.StartsWith(p + ".", StringComparison.Ordinal)));
            if (counts)
            {
                found.TryAdd((from, to), new Use(from, to, $"{source.FullName}: {where} uses {used.FullName}"));
            }
        }

        return [.. found.Values.OrderBy(u => u.From, StringComparer.Ordinal).ThenBy(u => u.To, StringComparer.Ordinal)];
    }

    /// <summary>Every place in <paramref name="assemblies"/> that uses <paramref name="target"/>.</summary>
    internal static IEnumerable<string> FindTypeUses(IReadOnlyCollection<Assembly> assemblies, Type target) =>
        AllUses(assemblies, _ => true).Where(u => u.Used == target).Select(u => $"{u.Source.FullName}: {u.Where}").Distinct();

    private static IEnumerable<(Type Source, Type Used, string Where)> AllUses(
        IReadOnlyCollection<Assembly> assemblies,
        Func<string, bool> includeSource)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            // Compiler-generated helpers (regex source generators, <PrivateImplementationDetails>) live outside our
            // namespaces and are not ours to layer.
            if (type.Namespace is not { } ns || !ns.StartsWith(nameof(InternalCustomer), StringComparison.Ordinal) || !includeSource(ns))
            {
                continue;
            }

            foreach (var (used, where) in UsesOf(type))
            {
                foreach (var t in Flatten(used))
                {
                    yield return (type, t, where);
                }
            }
        }
    }

    private static IEnumerable<(Type? Used, string Where)> UsesOf(Type type)
    {
        foreach (var used in AttributeTypes(type.CustomAttributes))
        {
            yield return (used, "attribute");
        }

        foreach (var constraint in GenericConstraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []))
        {
            yield return (constraint, "generic constraint");
        }

        yield return (type.BaseType, "base type");
        foreach (var i in type.GetInterfaces())
        {
            yield return (i, "interface");
        }

        foreach (var f in type.GetFields(Declared))
        {
            yield return (f.FieldType, $"field {f.Name}");
        }

        foreach (var p in type.GetProperties(Declared))
        {
            yield return (p.PropertyType, $"property {p.Name}");
        }

        foreach (var e in type.GetEvents(Declared))
        {
            yield return (e.EventHandlerType, $"event {e.Name}");
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var used in AttributeTypes(m.CustomAttributes))
            {
                yield return (used, $"{m.Name} attribute");
            }

            if (m is MethodInfo mi)
            {
                yield return (mi.ReturnType, $"{m.Name} return type");
                foreach (var constraint in GenericConstraints(mi.IsGenericMethodDefinition ? mi.GetGenericArguments() : []))
                {
                    yield return (constraint, $"{m.Name} generic constraint");
                }
            }

            foreach (var p in m.GetParameters())
            {
                yield return (p.ParameterType, $"{m.Name} parameter {p.Name}");
            }

            var body = m.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                yield return (local.LocalType, $"{m.Name} local");
            }

            foreach (var used in TypesInBody(m, body))
            {
                yield return (used, $"{m.Name} body");
            }
        }
    }

    /// <summary>The namespace cycles in a set of uses (strongly connected components of two or more namespaces).</summary>
    internal static ImmutableArray<ImmutableArray<string>> Cycles(IEnumerable<Use> uses)
    {
        var edges = uses.GroupBy(u => u.From).ToDictionary(g => g.Key, g => g.Select(u => u.To).Distinct().ToList());
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);

                if (component.Count > 1)
                {
                    result.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var n in nodes)
        {
            if (!index.ContainsKey(n))
            {
                Visit(n);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The attribute types, and every type named in their arguments (<c>typeof(X)</c> in an attribute).</summary>
    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var a in attributes)
        {
            yield return a.AttributeType;
            foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
            {
                if (arg.Value is Type t)
                {
                    yield return t;
                }
                else if (arg.Value is IEnumerable<CustomAttributeTypedArgument> items)
                {
                    foreach (var item in items)
                    {
                        if (item.Value is Type ti)
                        {
                            yield return ti;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> GenericConstraints(Type[] parameters) =>
        parameters.SelectMany(p => p.GetGenericParameterConstraints());

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var arg in type.GetGenericArguments())
            {
                foreach (var t in Flatten(arg))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<Type> TypesInBody(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            OpCode code;
            var b = il[position++];
            if (b == 0xFE)
            {
                code = TwoByte[il[position++]];
            }
            else
            {
                code = OneByte[b];
            }

            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    var cases = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * cases);
                    break;
                case OperandType.InlineType:
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    foreach (var t in Resolve(module, token, typeArgs, methodArgs))
                    {
                        yield return t;
                    }

                    break;
                default:
                    // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR: a 4-byte operand.
                    position += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        var member = module.ResolveMember(token, typeArgs, methodArgs);
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                yield return m.DeclaringType!;
                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    if (mi.IsGenericMethod)
                    {
                        foreach (var a in mi.GetGenericArguments())
                        {
                            yield return a;
                        }
                    }
                }

                foreach (var p in m.GetParameters())
                {
                    yield return p.ParameterType;
                }

                break;
        }
    }
}
