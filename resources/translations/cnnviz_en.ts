<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>EvaluateTab</name>
    <message numerus="yes">
        <source>True {truth}, predicted {guess}: %n image(s) (correct)</source>
        <translation>
            <numerusform>True {truth}, predicted {guess}: %n image (correct)</numerusform>
            <numerusform>True {truth}, predicted {guess}: %n images (correct)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>True {truth}, predicted {guess}: %n image(s) (mistaken)</source>
        <translation>
            <numerusform>True {truth}, predicted {guess}: %n image (mistaken)</numerusform>
            <numerusform>True {truth}, predicted {guess}: %n images (mistaken)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcNetDemo</name>
    <message numerus="yes">
        <source>A %n-layer neural network (units per layer: {sizes}, the last being the output layer); the input layer is not counted. {neurons} neurons, {weights} = {weight_count} weights and {neurons} biases: {parameters} learnable parameters. Red lines are positive weights, blue negative, thicker for larger.</source>
        <translation>
            <numerusform>A %n-layer neural network (units per layer: {sizes}, the last being the output layer); the input layer is not counted. {neurons} neurons, {weights} = {weight_count} weights and {neurons} biases: {parameters} learnable parameters. Red lines are positive weights, blue negative, thicker for larger.</numerusform>
            <numerusform>A %n-layer neural network (units per layer: {sizes}, the last being the output layer); the input layer is not counted. {neurons} neurons, {weights} = {weight_count} weights and {neurons} biases: {parameters} learnable parameters. Red lines are positive weights, blue negative, thicker for larger.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistogramsTab</name>
    <message numerus="yes">
        <source>{run}: %n snapshot(s), step {first} to {last}</source>
        <translation>
            <numerusform>{run}: %n snapshot, step {first} to {last}</numerusform>
            <numerusform>{run}: %n snapshots, step {first} to {last}</numerusform>
        </translation>
    </message>
</context>
</TS>
