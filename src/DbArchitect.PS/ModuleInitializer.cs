using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace DbArchitect.PS;

/// <summary>
/// Wires dependency isolation when the module is imported: the default load context cannot find DbArchitect.Core
/// (it is not next to this assembly), so its Resolving event asks us, and we hand out Core from the module's own
/// <see cref="DependencyLoadContext"/>. Everything Core needs (YamlDotNet, drivers) is then loaded by that context
/// from module/Dependencies, whatever other versions the session already holds.
/// </summary>
/// <remarks>
/// This type must never mention a Core type: it runs before Core can be resolved. Nothing is loaded here; the
/// context only loads Core when a cmdlet first needs it.
/// </remarks>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private const string CoreAssemblyName = "DbArchitect.Core";

    /// <summary>module/Dependencies, next to this assembly.</summary>
    internal static string DependencyFolder { get; } = Path.Combine(
        Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? AppContext.BaseDirectory,
        "Dependencies");

    private static readonly Lazy<DependencyLoadContext> LoadContext = new(
        () => new DependencyLoadContext(DependencyFolder),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveCore;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= ResolveCore;

    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name)
    {
        // Only Core crosses over: every other request belongs to someone else and must not be answered from our folder.
        if (!string.Equals(name.Name, CoreAssemblyName, StringComparison.Ordinal))
        {
            return null;
        }

        return LoadContext.Value.LoadFromAssemblyName(name);
    }
}
