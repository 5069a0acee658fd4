namespace DbArchitect.Core.Model;

/// <summary>The spelling of <see cref="Index.Serves"/> entries, shared by the planner and everything that reads them.</summary>
public static class Serves
{
    public static string AccessPattern(string name) => "access pattern '" + name + "'";

    public static string ForeignKey(string name) => "foreign key " + name;
}
