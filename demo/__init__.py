"""Demo content: data files under demo/content/ and the loaders that put them in the database.

Production apps import nothing from here; a deployment leaves the app out (DEMO_CONTENT=0).
"""
