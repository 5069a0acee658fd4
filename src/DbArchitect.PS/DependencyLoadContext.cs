using System.Reflection;
using System.Runtime.Loader;

namespace DbArchitect.PS;

/// <summary>
/// The module's private load context. It loads any assembly found in its folder itself (Core, YamlDotNet, drivers)
/// and leaves everything else (the framework, System.Management.Automation) to the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder)
        : base("DbArchitect.PS.Dependencies", isCollectible: false)
    {
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName.Name))
        {
            return null;
        }

        var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
