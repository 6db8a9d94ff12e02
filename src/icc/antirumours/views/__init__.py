"""Pages of the anti-rumours module: public pages, the city's workspace, the register, people
(agents and trainings), campaigns and the diagnosis."""
