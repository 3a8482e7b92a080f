"""The Today tab: the method's daily push across every project, and project health."""
